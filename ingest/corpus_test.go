package ingest

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"storybot/fetch"
	"storybot/internal/sharedtest"
)

// TestBBCAndLoopbackFeedTwice ingests the shared BBC corpus and a loopback
// feed of 300 pages in one run, then again: the second run finds everything
// unchanged and adds no document.
func TestBBCAndLoopbackFeedTwice(t *testing.T) {
	bbc := filepath.Join(sharedtest.Dir(t), "corpus", "bbc")
	if testing.Short() || raceDetector {
		t.Skip("ingests 2,225 BBC articles: a minute under -race; runs without -short and -race")
	}
	const pages = 300
	s := newSite(t)
	for k := range pages {
		s.addArticle(fmt.Sprintf("b-%03d", k), fmt.Sprintf("Loopback Story %d", k), story(9000+k, 4), past.Add(time.Duration(k)*time.Minute))
	}
	e := newEnv(t, fetch.Options{}, Options{PagesPerFeed: pages})
	sources := []Source{{Name: "bbc", Kind: KindPath, Target: bbc}, feedSource(s)}
	first := e.run(t, sources...)
	t.Logf("first run: %s", first)
	if first.Failed != 0 || first.New < 2000+pages {
		t.Fatalf("first run: got %s %v, want over %d new and no failure", first, first.Errors, 2000+pages)
	}
	before := e.count(t)
	second := e.run(t, sources...)
	t.Logf("second run: %s", second)
	if second.Unchanged != first.New || second.New+second.Updated+second.Failed+second.Passages != 0 {
		t.Errorf("second run: got %s, want %d unchanged and nothing else", second, first.New)
	}
	if after := e.count(t); after != before {
		t.Errorf("second run: got %d passages, want %d", after, before)
	}
}
