package evaluate

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"storybot/answer"
	"storybot/internal/sharedtest"
)

func web(tb testing.TB, shared string) *Web {
	tb.Helper()
	webOnce.Do(func() {
		webDir, webErr = os.MkdirTemp("", "storybot-eval-web-")
		if webErr != nil {
			return
		}
		start := time.Now()
		webCorpus, webErr = BuildWeb(context.Background(), shared, webDir)
		tb.Logf("built the web corpus in %s", time.Since(start).Round(time.Millisecond))
	})
	if webErr != nil {
		tb.Fatal(webErr)
	}
	return webCorpus
}

// raceSkip is why the web corpus is not built under the race detector:
// ingesting 4,331 pages into 156,000 passages takes over ten minutes there
// on 2 cores, and the ingest's concurrency is raced in package ingest. The
// README's test command runs these without -race.
const raceSkip = "the web-set evaluation runs without -race (go test -run Web ./evaluate): under it the web corpus takes over ten minutes to build"

func TestWebSets(t *testing.T) {
	if raceDetector {
		t.Skip(raceSkip)
	}
	shared := sharedtest.Path(t, setsFolder, "news-quiz-web-2023.jsonl.gz")
	w := web(t, filepath.Dir(filepath.Dir(shared)))
	ctx := context.Background()
	cases, err := w.Cases(ctx, filepath.Dir(filepath.Dir(shared)))
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	if err := r.add(ctx, w.Corpus, cases, answer.DefaultWeights()); err != nil {
		t.Fatal(err)
	}
	checkReport(t, r)
}

// BenchmarkAskWeb is BenchmarkAsk over the web corpus (4,331 articles,
// about 156,000 passages) with who-web-dev's and the web quiz's questions.
func BenchmarkAskWeb(b *testing.B) {
	if raceDetector {
		b.Skip(raceSkip)
	}
	shared := filepath.Dir(filepath.Dir(sharedtest.Path(b, setsFolder, "news-quiz-web-2023.jsonl.gz")))
	w := web(b, shared)
	cases, err := w.Cases(context.Background(), shared)
	if err != nil {
		b.Fatal(err)
	}
	benchAsk(b, answer.New(w.Index), cases)
}
