package evaluate

import (
	"context"
	"io"
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

// floors are the figures storybot reaches today on each whole set, as
// questions out of the set's size: a change that loses a question fails,
// so ranking cannot slip back unnoticed. targets are issue 9's "done when"
// figures, for the record beside them in the log; not all are reached.
var (
	floors = map[string]Figures{
		// Issue 11 (no search over every passage, no word positions, BM25
		// with measured average lengths), the leading article's new
		// speakers cited first and other articles' after the first three,
		// refitted: against the floors before, a who-dev article, two
		// who-dev speakers and a quiz article lost, a who-dev quote won;
		// who-web +1 article, +4 quotes, -2 speakers; web-2023 +8
		// articles, +6 answers. Then the question parser's reaction verbs
		// in their -ing/-ed forms and "which <noun> <reaction verb>"
		// questions: who-web +1 quote, +2 speakers. Then news outlets cited
		// as sources no longer speakers (attrib.Version 21): who-web -1
		// article, whose passage "…, The Telegraph reports." had counted
		// as speech and so been found for a question about what someone
		// said; a refit changed no weight. Then a column of weights of
		// their own for questions about speech, fitted with the founding
		// example as a guard: who-web +2 articles (one a half), +1
		// speaker; web-2023 -1 article (validation, a question about
		// speech), a trade the fit's rule (the mean over sets of the
		// validation halves) accepts.
		SetWho:    {Article: 37.0 / 40, Text: 33.0 / 40, Speaker: 36.0 / 40},
		SetQuiz:   {Article: 70.0 / 76, Text: 55.0 / 76, Speaker: -1},
		SetWhoWeb: {Article: 56.0 / 60, Text: 34.0 / 60, Speaker: 52.0 / 60},
		SetWeb:    {Article: 533.0 / 593, Text: 366.0 / 593, Speaker: -1},
	}
	targets = map[string]Figures{
		SetWho:    {Article: 0.975, Text: 0.85, Speaker: 0.90},
		SetQuiz:   {Article: 0.93, Text: 0.72, Speaker: -1},
		SetWhoWeb: {Article: 0.93, Text: 0.70, Speaker: 0.85},
		SetWeb:    {Article: 0.90, Text: 0.70, Speaker: -1},
	}
)

// The dev-set corpus takes a while to build, so the tests and benchmarks of
// one run share it.
var (
	devOnce   sync.Once
	devCorpus *Corpus
	devErr    error
	devDir    string
)

// The web corpus likewise.
var (
	webOnce   sync.Once
	webCorpus *Web
	webErr    error
	webDir    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if devCorpus != nil {
		devCorpus.Close()
	}
	if webCorpus != nil {
		webCorpus.Close()
	}
	for _, d := range []string{devDir, webDir} {
		if d != "" {
			os.RemoveAll(d)
		}
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
	ctx := context.Background()
	cases, err := BBCCases(ctx, c, shared)
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := r.add(ctx, c, cases, answer.DefaultWeights()); err != nil {
		t.Fatal(err)
	}
	checkReport(t, r)
}

// checkReport logs the table and misses, and fails where storybot is below
// a floor or, on any half of any set, below the baseline's article@3.
func checkReport(t *testing.T, r Report) {
	t.Helper()
	var table, miss strings.Builder
	r.Write(&table)
	r.WriteMisses(&miss)
	t.Logf("\n%s", table.String())
	t.Logf("misses:\n%s", miss.String())
	for _, row := range r.Rows {
		if row.System != SystemStorybot {
			continue
		}
		base, ok := r.Find(SystemBM25, row.Set, row.Split)
		if ok && row.Article < base.Article-1e-9 {
			t.Errorf("%s %s: article@3 %.3f, below the BM25 baseline's %.3f", row.Set, row.Split, row.Article, base.Article)
		}
		f, ok := floors[row.Set]
		if !ok || row.Split != All {
			continue
		}
		tg := targets[row.Set]
		t.Logf("%s: article@3 %.3f (target %.2f), text@3 %.3f (target %.2f), speaker %.3f (target %.2f)",
			row.Set, row.Article, tg.Article, row.Text, tg.Text, row.Speaker, tg.Speaker)
		for _, m := range []struct {
			name      string
			got, want float64
		}{{"article@3", row.Article, f.Article}, {"text@3", row.Text, f.Text}, {"speaker", row.Speaker, f.Speaker}} {
			if m.got < m.want-1e-9 {
				t.Errorf("%s %s: got %.3f, below today's floor %.3f", row.Set, m.name, m.got, m.want)
			}
		}
	}
}

// TestFoundingExample asks who reacted to the Manchester leak over the
// seed article and over the bundled example corpus: May, Rudd, the NPCC
// and Trump must each be named, quoted and cited. Tune must refuse to
// start from weights that lose them.
func TestFoundingExample(t *testing.T) {
	shared := sharedtest.Dir(t)
	ctx := context.Background()
	ps, done, err := Promises(ctx, shared, filepath.Join(sharedtest.RepoRoot(), "examples", "corpus"), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, p := range ps {
		a, err := answer.New(p.Corpus.Index).Ask(ctx, answer.Request{Question: FoundingQuestion})
		if err != nil {
			t.Fatal(err)
		}
		if m := Missing(a, FoundingSpeakers); len(m) > 0 {
			t.Errorf("over %s: %v not named, quoted and cited; speakers %v", p.Name, m, names(a.Speakers))
		}
	}
	mute := answer.DefaultWeights() // speech counting against a passage
	mute.Speech[answer.Speech], mute.Speech[answer.Quote] = -10, -10
	if _, err := Tune(ctx, nil, ps, mute, io.Discard); err == nil || !strings.Contains(err.Error(), "founding example") {
		t.Errorf("tuning from weights that lose the founding speakers: got %v, want an error", err)
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
	cases, err := BBCCases(context.Background(), c, shared)
	if err != nil {
		b.Fatal(err)
	}
	benchAsk(b, answer.New(c.Index), cases)
}

// benchAsk asks cases' questions round and round after one warm-up pass,
// and reports the median and 99th percentile of one question's time.
func benchAsk(b *testing.B, svc *answer.Service, cases []Case) {
	ctx := context.Background()
	for _, c := range cases { // warm up
		if _, err := svc.Ask(ctx, request(c)); err != nil {
			b.Fatal(err)
		}
	}
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := svc.Ask(ctx, request(cases[i%len(cases)])); err != nil {
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
