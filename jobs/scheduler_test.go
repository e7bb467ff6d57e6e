package jobs

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// logBuffer is a bytes.Buffer safe to write from job goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newTestScheduler(opts ...Option) (*Scheduler, *logBuffer) {
	var buf logBuffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return New(log, opts...), &buf
}

func TestRecoverLogsPanicWithKey(t *testing.T) {
	s, logs := newTestScheduler()
	if err := s.Add("schedule.ingest", "@every 15m", func(context.Context) error {
		panic("feed exploded")
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.RunNow("schedule.ingest"); err != nil {
		t.Fatal(err)
	}
	got := logs.String()
	for _, want := range []string{"cron: panic", "job=schedule.ingest", "feed exploded"} {
		if !strings.Contains(got, want) {
			t.Errorf("got log %q, want it to contain %q", got, want)
		}
	}
	if running := s.Running(); len(running) != 0 {
		t.Errorf("got running %v after panic, want none", running)
	}
}

func TestJobErrorLoggedWithKey(t *testing.T) {
	s, logs := newTestScheduler()
	if err := s.Add("schedule.digest", "@daily", func(context.Context) error {
		return errors.New("discord down")
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.RunNow("schedule.digest"); err != nil {
		t.Fatal(err)
	}
	got := logs.String()
	for _, want := range []string{"job failed", "job=schedule.digest", `error="discord down"`} {
		if !strings.Contains(got, want) {
			t.Errorf("got log %q, want it to contain %q", got, want)
		}
	}
}

func TestSkipIfStillRunning(t *testing.T) {
	s, logs := newTestScheduler()
	var runs atomic.Int32
	started, release := make(chan struct{}), make(chan struct{})
	if err := s.Add("schedule.ingest", "@every 15m", func(context.Context) error {
		runs.Add(1)
		close(started)
		<-release
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	go func() { s.RunNow("schedule.ingest"); close(first) }()
	<-started

	s.RunNow("schedule.ingest") // returns at once: the first run holds the guard
	if got := runs.Load(); got != 1 {
		t.Errorf("got %d runs while the first was blocked, want 1", got)
	}
	if got := logs.String(); !strings.Contains(got, "cron: skip") || !strings.Contains(got, "job=schedule.ingest") {
		t.Errorf("got log %q, want a skip for schedule.ingest", got)
	}
	close(release)
	<-first
}

func TestStopCancelsAndWaits(t *testing.T) {
	s, _ := newTestScheduler()
	started := make(chan struct{})
	var sawCancel atomic.Bool
	if err := s.Add("schedule.ingest", "@every 15m", func(ctx context.Context) error {
		close(started)
		<-ctx.Done()
		for range 1000 { // cleanup after cancel, yielding so an early Stop would show
			runtime.Gosched()
		}
		sawCancel.Store(true)
		return ctx.Err()
	}); err != nil {
		t.Fatal(err)
	}
	s.Start()
	go s.RunNow("schedule.ingest")
	<-started
	if err := s.Stop(10 * time.Second); err != nil {
		t.Fatalf("got %v, want nil", err)
	}
	if !sawCancel.Load() {
		t.Error("Stop returned before the job finished its cleanup")
	}
}

func TestStopBoundedNamesStuckJob(t *testing.T) {
	s, _ := newTestScheduler()
	started, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	if err := s.Add("sources[2].schedule", "@every 15m", func(context.Context) error {
		close(started)
		<-release // ignores its context
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	go s.RunNow("sources[2].schedule")
	<-started
	err := s.Stop(20 * time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "sources[2].schedule") {
		t.Fatalf("got %v, want an error naming sources[2].schedule", err)
	}
}

func TestNothingRunsAfterStop(t *testing.T) {
	s, _ := newTestScheduler()
	var runs atomic.Int32
	if err := s.Add("schedule.ingest", "@every 15m", func(context.Context) error {
		runs.Add(1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(time.Second); err != nil {
		t.Fatal(err)
	}
	s.RunNow("schedule.ingest")
	if got := runs.Load(); got != 0 {
		t.Errorf("got %d runs after Stop, want 0", got)
	}
}

func TestAddRejectsBadSpec(t *testing.T) {
	s, _ := newTestScheduler()
	err := s.Add("schedule.digest", "CRON_TZ=Europe/London", func(context.Context) error { return nil })
	want := `jobs: schedule.digest "CRON_TZ=Europe/London": `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("got %v, want prefix %q", err, want)
	}
	if err := s.RunNow("schedule.digest"); err == nil {
		t.Error("got a job for a rejected spec, want none")
	}
}

func TestNext(t *testing.T) {
	now := time.Date(2025, 6, 1, 7, 30, 0, 0, time.UTC) // 08:30 in London (BST)
	s, _ := newTestScheduler(WithClock(func() time.Time { return now }), WithLocation(time.UTC))
	noop := func(context.Context) error { return nil }
	for key, spec := range map[string]string{
		"schedule.digest":     "CRON_TZ=Europe/London 0 8 * * *",
		"schedule.ingest":     "@every 15m",
		"sources[0].schedule": "0 8 * * *",
	} {
		if err := s.Add(key, spec, noop); err != nil {
			t.Fatal(err)
		}
	}
	want := []NextRun{
		{"schedule.ingest", now.Add(15 * time.Minute)},
		{"sources[0].schedule", time.Date(2025, 6, 1, 8, 0, 0, 0, time.UTC)},
		{"schedule.digest", time.Date(2025, 6, 2, 7, 0, 0, 0, time.UTC)}, // 08:00 BST tomorrow
	}
	got := s.Next()
	if len(got) != len(want) {
		t.Fatalf("got %d runs, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Key != want[i].Key || !got[i].At.Equal(want[i].At) {
			t.Errorf("run %d: got %s at %s, want %s at %s", i, got[i].Key, got[i].At, want[i].Key, want[i].At)
		}
	}
}
