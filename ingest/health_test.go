package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

	"storybot/fetch"
	"storybot/store"
)

func TestSourceHealth(t *testing.T) {
	s := newSite(t)
	s.addArticle("h", "Health Story", story(70, 3), past)
	s.set(func(s *site) { s.status["/feed.xml"] = 503 })
	e := newEnv(t, fetch.Options{}, Options{})
	ctx := context.Background()
	state := func() store.SourceState {
		t.Helper()
		st, err := e.store.SourceState(ctx, "loopback")
		if err != nil {
			t.Fatal(err)
		}
		return st
	}

	e.run(t, feedSource(s))
	st := state()
	if st.ConsecutiveFailures != 1 || !strings.Contains(st.LastError, "503") || st.LastAttempt.IsZero() {
		t.Fatalf("after one failure: got %+v, want 1 failure, the 503 and the attempt time", st)
	}
	if st.NextAttempt.After(time.Now()) {
		t.Errorf("after one failure: got next attempt %v, want no wait: one failure is no pattern", st.NextAttempt)
	}

	e.run(t, feedSource(s))
	st = state()
	if st.ConsecutiveFailures != 2 || !st.NextAttempt.After(time.Now()) {
		t.Fatalf("after two failures: got %+v, want 2 failures and a next attempt in the future", st)
	}

	hits := s.hit("/feed.xml")
	if sum := e.run(t, feedSource(s)); sum.Failed != 0 || s.hit("/feed.xml") != hits {
		t.Errorf("backed off: got %s and %d feed hits, want the source skipped (%d hits)", sum, s.hit("/feed.xml"), hits)
	}
	if got := state(); got.ConsecutiveFailures != 2 {
		t.Errorf("backed off: got %d failures, want 2, unchanged by a skipped run", got.ConsecutiveFailures)
	}

	forced := e.with(Options{Force: true})
	forced.Run(ctx, []Source{feedSource(s)}, nil)
	if s.hit("/feed.xml") != hits+1 || state().ConsecutiveFailures != 3 {
		t.Errorf("forced: got %d hits and %d failures, want %d and 3", s.hit("/feed.xml"), state().ConsecutiveFailures, hits+1)
	}

	s.set(func(s *site) { delete(s.status, "/feed.xml") })
	if sum := forced.Run(ctx, []Source{feedSource(s)}, nil); sum.New != 1 {
		t.Fatalf("recovered: got %s %v, want 1 new", sum, sum.Errors)
	}
	st = state()
	if st.ConsecutiveFailures != 0 || st.LastError != "" || st.LastSuccess.IsZero() || !st.NextAttempt.IsZero() || st.Articles != 1 {
		t.Errorf("recovered: got %+v, want failures, error and back-off reset, 1 article", st)
	}
	hits = s.hit("/feed.xml")
	e.run(t, feedSource(s))
	if s.hit("/feed.xml") != hits+1 {
		t.Errorf("after recovery: got %d hits, want %d: no back-off any more", s.hit("/feed.xml"), hits+1)
	}
}

func TestSourceHealthPartialFailure(t *testing.T) {
	s := newSite(t)
	s.addArticle("ok", "Works", story(71, 3), past)
	s.addArticle("bad", "Fails", story(72, 3), past.Add(time.Hour))
	s.set(func(s *site) { s.status["/news/bad"] = 404 })
	e := newEnv(t, fetch.Options{}, Options{})
	sum := e.run(t, feedSource(s))
	if sum.New != 1 || sum.Failed != 1 {
		t.Fatalf("got %s, want 1 new and 1 failed", sum)
	}
	st, err := e.store.SourceState(context.Background(), "loopback")
	if err != nil {
		t.Fatal(err)
	}
	if st.ConsecutiveFailures != 0 || st.LastSuccess.IsZero() || !strings.Contains(st.LastError, "1 of the source's articles failed") {
		t.Errorf("got %+v, want a success that notes the failed article", st)
	}
}

func TestBackoff(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{0, 0}, {1, 0}, {2, 5 * time.Minute}, {3, 10 * time.Minute}, {4, 20 * time.Minute},
		{10, 1280 * time.Minute}, {11, 24 * time.Hour}, {1000, 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := backoff(tt.failures); got != tt.want {
			t.Errorf("backoff(%d): got %v, want %v", tt.failures, got, tt.want)
		}
	}
}
