package evaluate

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"storybot/answer"
	"storybot/internal/sharedtest"
)

// figures are the five dev-set measures in one place.
type figures struct{ whoArticle, whoText, whoSpeaker, quizText, quizArticle float64 }

// targets are issue 3's "done when" figures on the dev sets.
var targets = figures{whoArticle: 0.95, whoText: 0.80, whoSpeaker: 0.90, quizText: 0.70, quizArticle: 0.92}

// floors are the figures the method reaches today, as questions out of 40
// and 76, each at or above its target: a change that loses a question
// fails, so ranking cannot slip back unnoticed.
var floors = figures{whoArticle: 38.0 / 40, whoText: 33.0 / 40, whoSpeaker: 39.0 / 40, quizText: 54.0 / 76, quizArticle: 70.0 / 76}

// The dev-set corpus takes a while to build, so the tests and benchmarks of
// one run share it.
var (
	devOnce   sync.Once
	devCorpus *Corpus
	devErr    error
	devDir    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if devCorpus != nil {
		devCorpus.Close()
	}
	if devDir != "" {
		os.RemoveAll(devDir)
	}
	os.Exit(code)
}

func corpus(tb testing.TB, shared string) *Corpus {
	tb.Helper()
	devOnce.Do(func() {
		devDir, devErr = os.MkdirTemp("", "storybot-eval-")
		if devErr != nil {
			return
		}
		start := time.Now()
		devCorpus, devErr = Build(context.Background(), shared, devDir)
		tb.Logf("built the dev corpus in %s", time.Since(start).Round(time.Millisecond))
	})
	if devErr != nil {
		tb.Fatal(devErr)
	}
	return devCorpus
}

func TestDevSets(t *testing.T) {
	shared := sharedtest.Dir(t)
	c := corpus(t, shared)
	r, err := Evaluate(context.Background(), c, answer.New(c.Index), shared)
	if err != nil {
		t.Fatal(err)
	}
	var table, misses strings.Builder
	r.Write(&table)
	r.WriteMisses(&misses)
	t.Logf("\n%s", table.String())
	t.Logf("misses:\n%s", misses.String())
	got := figures{r.Who.Article, r.Who.Text, r.Who.Speaker, r.Quiz.Text, r.Quiz.Article}
	names := []string{"who-dev article@3", "who-dev phrase@3", "who-dev speaker", "news-quiz-dev answer@3", "news-quiz-dev article@3"}
	g, f, tg := got.list(), floors.list(), targets.list()
	for i, name := range names {
		if f[i] < tg[i]-1e-9 {
			t.Errorf("%s: floor %.3f is below the target %.2f", name, f[i], tg[i])
		}
		if g[i] < f[i]-1e-9 {
			t.Errorf("%s: got %.3f, below today's floor %.3f (target %.2f)", name, g[i], f[i], tg[i])
		}
	}
}

func (f figures) list() []float64 {
	return []float64{f.whoArticle, f.whoText, f.whoSpeaker, f.quizText, f.quizArticle}
}

// TestManchesterLeak asks the seed article who reacted to the leak: each of
// the four reactions the article reports must be named, quoted and cited.
func TestManchesterLeak(t *testing.T) {
	shared := sharedtest.Dir(t)
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	if err := c.AddFolder(ctx, filepath.Join(shared, "seed"), "seed"); err != nil {
		t.Fatal(err)
	}
	a, err := answer.New(c.Index).Ask(ctx, answer.Request{Question: "who reacted to the Manchester leak"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Theresa May", "Amber Rudd", "National Police Chiefs' Council", "Donald Trump"} {
		t.Run(want, func(t *testing.T) {
			for _, s := range a.Speakers {
				if !speakerMatches(s.Name, want) {
					continue
				}
				if strings.TrimSpace(s.Quote) == "" {
					t.Errorf("got %q with no quote", s.Name)
				}
				if s.Citation < 1 || s.Citation > len(a.Citations) {
					t.Errorf("got %q citing [%d], want one of the %d citations", s.Name, s.Citation, len(a.Citations))
				}
				return
			}
			t.Errorf("got speakers %v, want %s among them", names(a.Speakers), want)
		})
	}
}

func names(sp []answer.Speaker) []string {
	var out []string
	for _, s := range sp {
		out = append(out, s.Name)
	}
	return out
}

// BenchmarkAsk asks the dev sets' questions, over and over, of a warm index
// of the BBC corpus and the quiz articles, and reports latency percentiles.
func BenchmarkAsk(b *testing.B) {
	shared := sharedtest.Dir(b)
	c := corpus(b, shared)
	who, err := readJSONL[WhoCase](filepath.Join(shared, "eval", "who-dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	quiz, err := readJSONL[QuizCase](filepath.Join(shared, "eval", "news-quiz-dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var qs []string
	for _, w := range who {
		qs = append(qs, w.Question)
	}
	for _, q := range quiz {
		qs = append(qs, q.Question)
	}
	svc := answer.New(c.Index)
	ctx := context.Background()
	for _, q := range qs { // warm up
		if _, err := svc.Ask(ctx, answer.Request{Question: q}); err != nil {
			b.Fatal(err)
		}
	}
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := svc.Ask(ctx, answer.Request{Question: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	ms := func(p float64) float64 {
		return float64(took[int(p*float64(len(took)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}
