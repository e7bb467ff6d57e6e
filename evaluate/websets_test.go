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

func TestWebSets(t *testing.T) {
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
