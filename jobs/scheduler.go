package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
)

// Scheduler runs jobs on cron schedules. Every job is wrapped so that a
// panic is logged rather than fatal and a run that is still going when the
// next is due makes the next one skip. Jobs get a context that Stop cancels.
type Scheduler struct {
	log   *slog.Logger
	cron  *cron.Cron
	clock func() time.Time
	loc   *time.Location

	base   context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	stopped bool
	running map[string]int // job key → runs in progress
	wg      sync.WaitGroup
	entries []entry
}

// entry is one added job: its schedule, cron's ID and the wrapped job.
type entry struct {
	key     string
	id      cron.EntryID
	sched   cron.Schedule
	wrapped cron.Job
}

// NextRun is when a job is next due, for /status.
type NextRun struct {
	Key string    `json:"key"`
	At  time.Time `json:"at"`
}

// Option configures a Scheduler.
type Option func(*Scheduler)

// WithLocation sets the time zone of specs without a CRON_TZ= prefix
// (default: the local zone).
func WithLocation(loc *time.Location) Option {
	return func(s *Scheduler) { s.loc = loc }
}

// WithClock sets the clock Next reports from before Start (default
// time.Now); tests use it to check schedules without waiting for them.
func WithClock(now func() time.Time) Option {
	return func(s *Scheduler) { s.clock = now }
}

// New returns a Scheduler that logs to log. It runs nothing until Start.
func New(log *slog.Logger, opts ...Option) *Scheduler {
	base, cancel := context.WithCancel(context.Background())
	s := &Scheduler{
		log:     log,
		clock:   time.Now,
		loc:     time.Local,
		base:    base,
		cancel:  cancel,
		running: make(map[string]int),
	}
	for _, o := range opts {
		o(s)
	}
	s.cron = cron.New(cron.WithParser(parser), cron.WithLocation(s.loc))
	return s
}

// Add schedules job under key. The spec is parsed exactly as Validate does;
// the error names the key and the value.
func (s *Scheduler) Add(key, spec string, job func(ctx context.Context) error) error {
	sched, err := parse(spec)
	if err != nil {
		return fmt.Errorf("jobs: %s %q: %w", key, spec, err)
	}
	logger := cronLogger{s.log.With("job", key)}
	wrapped := cron.NewChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)).
		Then(cron.FuncJob(func() { s.run(key, job) }))
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.cron.Schedule(sched, wrapped)
	s.entries = append(s.entries, entry{key: key, id: id, sched: sched, wrapped: wrapped})
	return nil
}

// RunNow runs the job added under key at once, in the caller's goroutine,
// through the same panic recovery and skip-if-running guard as a scheduled
// run. It reports whether key exists, not how the job went (that is logged).
func (s *Scheduler) RunNow(key string) error {
	s.mu.Lock()
	i := slices.IndexFunc(s.entries, func(e entry) bool { return e.key == key })
	var e entry
	if i >= 0 {
		e = s.entries[i]
	}
	s.mu.Unlock()
	if i < 0 {
		return fmt.Errorf("jobs: no job %q", key)
	}
	e.wrapped.Run()
	return nil
}

// run runs one invocation with a context cancelled by Stop and logs its
// outcome. After Stop it runs nothing.
func (s *Scheduler) run(key string, job func(ctx context.Context) error) {
	s.mu.Lock()
	if s.stopped {
		s.mu.Unlock()
		return
	}
	s.running[key]++
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.done(key)

	start := time.Now()
	s.log.Debug("job started", "job", key)
	if err := job(s.base); err != nil {
		s.log.Error("job failed", "job", key, "duration", time.Since(start), "error", err)
		return
	}
	s.log.Debug("job finished", "job", key, "duration", time.Since(start))
}

func (s *Scheduler) done(key string) {
	s.mu.Lock()
	if s.running[key]--; s.running[key] == 0 {
		delete(s.running, key)
	}
	s.mu.Unlock()
	s.wg.Done()
}

// Start begins running jobs on their schedules, in the background.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops scheduling, cancels the context of running jobs and waits for
// them up to timeout. If some are still running then, the error names them.
func (s *Scheduler) Stop(timeout time.Duration) error {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.cancel()
	s.cron.Stop()

	idle := make(chan struct{})
	go func() { s.wg.Wait(); close(idle) }()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-idle:
		return nil
	case <-timer.C:
		return fmt.Errorf("jobs: still running after %s: %s", timeout, strings.Join(s.Running(), ", "))
	}
}

// Running returns the keys of the jobs running now, sorted.
func (s *Scheduler) Running() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := make([]string, 0, len(s.running))
	for k := range s.running {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Next returns when each job is next due, soonest first.
func (s *Scheduler) Next() []NextRun {
	next := make(map[cron.EntryID]time.Time)
	for _, e := range s.cron.Entries() {
		next[e.ID] = e.Next
	}
	now := s.clock().In(s.cron.Location())
	s.mu.Lock()
	out := make([]NextRun, 0, len(s.entries))
	for _, e := range s.entries {
		at := next[e.id]
		if at.IsZero() { // not started yet
			at = e.sched.Next(now)
		}
		out = append(out, NextRun{Key: e.key, At: at})
	}
	s.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}
