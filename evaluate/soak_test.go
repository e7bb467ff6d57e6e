package evaluate

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"storybot/ingest"
	"storybot/internal/sharedtest"
)

// TestSoakWebPages is issue 10's real-web soak: the 4,332 articles of
// news-quiz-web-2023.jsonl.gz, served as HTML pages behind loopback outlet
// feeds, are ingested through the real reader, fetcher and extractor. No
// page may panic; every page is stored (new or a duplicate) or failed with
// a reason naming it; a second run finds everything stored unchanged. The
// failures and their reasons are logged for the README.
func TestSoakWebPages(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("ingests 4,332 pages: 2 minutes, many more under -race; .ci/run runs it without -race")
	}
	shared := sharedtest.Path(t, setsFolder, "news-quiz-web-2023.jsonl.gz")
	quiz, err := ReadJSONL[WebQuizCase](shared)
	if err != nil {
		t.Fatal(err)
	}
	pages := webArticles(quiz)
	site := NewSite(pages)
	defer site.Close()
	ctx := context.Background()
	c, err := Open(ctx, filepath.Join(t.TempDir(), "soak"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	start := time.Now()
	first, err := c.AddSite(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d pages: %s (%.0f pages/s)", len(pages), first, float64(len(pages))/time.Since(start).Seconds())
	if got := first.New + first.Duplicate + first.Failed; got != len(pages) {
		t.Errorf("got %d pages accounted for (%s), want all %d", got, first, len(pages))
	}
	reasons := map[string]int{}
	for _, err := range first.Errors {
		var pe *ingest.PanicError
		if errors.As(err, &pe) {
			t.Errorf("panic: %v\n%s", pe, pe.Stack)
		}
		reasons[reason(err)]++
	}
	for r, n := range reasons {
		t.Logf("failed: %d × %s", n, r)
	}
	for _, p := range pages {
		local := site.LocalURL(p.URL)
		if c.ArticleID(ctx, local) != "" {
			continue
		}
		if !mentioned(first.Errors, local) {
			t.Errorf("%s (%s) was neither stored nor failed with a reason", local, p.URL)
		}
	}

	second, err := c.AddSite(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second run: %s", second)
	if second.New != 0 || second.Updated != 0 || second.Failed != first.Failed || second.Unchanged != first.New+first.Duplicate {
		t.Errorf("second run: got %s, want all %d stored pages unchanged and the same %d failed", second, first.New+first.Duplicate, first.Failed)
	}
}

// reason is an ingest error without the source and page it names.
func reason(err error) string {
	var se *ingest.SourceError
	if errors.As(err, &se) {
		err = se.Err
	}
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, ": "); ok && strings.HasPrefix(msg, "http") {
		msg = after
	}
	return msg
}

func mentioned(errs []error, url string) bool {
	for _, err := range errs {
		if strings.Contains(err.Error(), url) {
			return true
		}
	}
	return false
}
