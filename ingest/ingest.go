// Package ingest brings articles in from feeds, web pages and local files:
// it fetches, extracts, stores every article and indexes its passages.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"storybot/article"
	"storybot/attrib"
	"storybot/extract"
	"storybot/fetch"
	"storybot/index"
	"storybot/passage"
	"storybot/store"
)

// Kind says how a source is read.
type Kind string

// Kinds of source.
const (
	KindFeed Kind = "feed"
	KindPage Kind = "page"
	KindPath Kind = "path"
	KindAuto Kind = "auto" // a URL given on the command line: a feed if it parses as one, else a page
)

// Source is one place to ingest from.
type Source struct {
	Name   string
	Kind   Kind
	Target string // URL or local path
	// Outlet, when set, is the name citations show for the source's
	// articles instead of the one found in them.
	Outlet string
	// AllowPrivate lets this source reach loopback, private and link-local
	// addresses; set only for sources the operator configured so.
	AllowPrivate bool
}

// Summary counts what a run did.
type Summary struct {
	New, Updated, Unchanged, Duplicate, Failed int
	Passages                                   int
	// Repaired counts articles indexed again because an earlier run was cut
	// short between the store and the index (see Reconcile).
	Repaired int
	// Skipped counts sources not tried because they are backing off.
	Skipped int
	Errors  []error
	Took    time.Duration
}

// String is the one-line summary printed after a run.
func (s Summary) String() string {
	var extra string
	if s.Skipped > 0 {
		extra = fmt.Sprintf(", %d skipped (backing off)", s.Skipped)
	}
	extra += fmt.Sprintf("; %d passages indexed", s.Passages)
	if s.Repaired > 0 {
		extra += fmt.Sprintf(" (%d articles re-indexed after an interrupted run)", s.Repaired)
	}
	return fmt.Sprintf("%d new, %d updated, %d unchanged, %d duplicate, %d failed%s in %s",
		s.New, s.Updated, s.Unchanged, s.Duplicate, s.Failed, extra, s.Took.Round(time.Millisecond))
}

func (s *Summary) add(o Summary) {
	s.New += o.New
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.Duplicate += o.Duplicate
	s.Failed += o.Failed
	s.Passages += o.Passages
	s.Repaired += o.Repaired
	s.Skipped += o.Skipped
	s.Errors = append(s.Errors, o.Errors...)
}

// Progress hears how far a run is: Grow adds work found, Done marks work done.
type Progress interface {
	Grow(n int)
	Done(n int)
}

type noProgress struct{}

func (noProgress) Grow(int) {}
func (noProgress) Done(int) {}

// Options tune a run.
type Options struct {
	Concurrency  int           // sources ingested at once; default 4
	Retries      int           // extra tries on a retryable fetch error
	RetryBackoff time.Duration // first retry's wait, doubled each time; default 1s
	PagesPerFeed int           // newest items whose pages are fetched per feed run; default 50
	Force        bool          // ignore a failing source's back-off
	// Bulk ends a run that wrote passages by compacting the index
	// (storybot ingest of a folder or list; scheduled runs write little
	// and leave merging to bleve).
	Bulk bool
}

// Ingester runs ingestion. It is safe for concurrent use.
type Ingester struct {
	store *store.Store
	index *index.Index
	fetch *fetch.Client
	log   *slog.Logger
	opts  Options
	mu    sync.Mutex // serialises writes that pair the store and the index

	extract extractFunc
}

// New returns an Ingester writing to st and ix.
func New(st *store.Store, ix *index.Index, fc *fetch.Client, log *slog.Logger, o Options) *Ingester {
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.RetryBackoff <= 0 {
		o.RetryBackoff = time.Second
	}
	if o.PagesPerFeed <= 0 {
		o.PagesPerFeed = 50
	}
	return &Ingester{store: st, index: ix, fetch: fc, log: log, opts: o, extract: extract.Extract}
}

// Run ingests every source, several at once; one source's failure is
// recorded and the others carry on.
func (in *Ingester) Run(ctx context.Context, sources []Source, p Progress) Summary {
	if p == nil {
		p = noProgress{}
	}
	start := time.Now()
	var total Summary
	if err := in.reconcile(ctx, &total); err != nil {
		total.add(failed(err))
	}
	var mu sync.Mutex
	sem := make(chan struct{}, in.opts.Concurrency)
	var wg sync.WaitGroup
	for _, src := range sources {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				return
			}
			s := in.runSource(ctx, src, p)
			mu.Lock()
			total.add(s)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if in.opts.Bulk && total.Passages > 0 && ctx.Err() == nil {
		// a bulk write leaves many segments behind; asks pay for each
		if err := in.index.Compact(ctx); err != nil {
			in.log.Warn("ingest: compact index", "error", err)
		}
	}
	total.Took = time.Since(start)
	return total
}

// reconcile repairs what an interrupted run left, under the lock that
// pairs store and index writes.
func (in *Ingester) reconcile(ctx context.Context, total *Summary) error {
	in.mu.Lock()
	defer in.mu.Unlock()
	s, err := Reconcile(ctx, in.store, in.index)
	if s.Repaired > 0 {
		in.log.Info("ingest: index repaired after an interrupted run", "articles", s.Repaired, "passages", s.Passages)
	}
	in.logPanics("", s.Errors)
	total.add(s)
	return err
}

func (in *Ingester) runSource(ctx context.Context, src Source, p Progress) Summary {
	state, err := in.store.SourceState(ctx, src.Name)
	if err != nil {
		return failed(err)
	}
	now := time.Now()
	if !in.opts.Force && now.Before(state.NextAttempt) {
		in.log.Info("ingest: source backed off", "source", src.Name, "until", state.NextAttempt, "failures", state.ConsecutiveFailures)
		return Summary{Skipped: 1, Errors: []error{&SourceError{Source: src.Name, Err: &BackedOffError{Until: state.NextAttempt, Failures: state.ConsecutiveFailures}}}}
	}
	s := in.readSource(ctx, src, &state, p)
	in.logPanics(src.Name, s.Errors)
	for i, err := range s.Errors {
		s.Errors[i] = &SourceError{Source: src.Name, Err: err}
	}
	in.recordHealth(ctx, src, &state, s, now)
	return s
}

// readSource ingests one source; a panic that escapes the per-item
// recovery fails the source, not the process.
func (in *Ingester) readSource(ctx context.Context, src Source, state *store.SourceState, p Progress) (s Summary) {
	var perr error
	defer func() {
		if perr != nil {
			s.add(failed(perr))
		}
	}()
	defer catch(&perr, src.Target)
	if src.Kind == KindPath {
		return in.ingestPath(ctx, src, p)
	}
	return in.ingestURL(ctx, src, state, p)
}

// BackedOffError says a source was not tried because it keeps failing;
// Options.Force tries it anyway.
type BackedOffError struct {
	Until    time.Time
	Failures int
}

func (e *BackedOffError) Error() string {
	return fmt.Sprintf("not tried: backing off until %s after %d failures in a row (force a try with --force)",
		e.Until.Local().Format("2006-01-02 15:04:05"), e.Failures)
}

// logPanics logs each recovered panic among errs with its stack.
func (in *Ingester) logPanics(source string, errs []error) {
	for _, err := range errs {
		logPanic(in.log, source, err)
	}
}

// logPanic logs err with its stack if it is a recovered panic.
func logPanic(log *slog.Logger, source string, err error) {
	var pe *PanicError
	if errors.As(err, &pe) {
		log.Error("ingest: recovered from a panic; the item failed, the run goes on",
			"source", source, "url", pe.Where, "panic", fmt.Sprint(pe.Value), "stack", string(pe.Stack))
	}
}

func failed(err error) Summary { return Summary{Failed: 1, Errors: []error{err}} }

// SourceError is an error met while ingesting one source.
type SourceError struct {
	Source string
	Err    error
}

func (e *SourceError) Error() string { return "source " + e.Source + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SourceError) Unwrap() error { return e.Err }

// recordHealth keeps the source's last success, last error and failure run;
// a source that keeps failing waits longer and longer before the next try.
func (in *Ingester) recordHealth(ctx context.Context, src Source, st *store.SourceState, s Summary, now time.Time) {
	st.LastAttempt = now
	whole := s.Failed > 0 && s.New+s.Updated+s.Unchanged+s.Duplicate == 0
	if whole {
		st.ConsecutiveFailures++
		st.LastError = errors.Join(s.Errors...).Error()
		st.NextAttempt = now.Add(backoff(st.ConsecutiveFailures))
	} else {
		st.LastSuccess, st.ConsecutiveFailures, st.NextAttempt = now, 0, time.Time{}
		st.LastError = ""
		if s.Failed > 0 {
			st.LastError = fmt.Sprintf("%d of the source's articles failed: %v", s.Failed, s.Errors[0])
		}
	}
	st.Articles += s.New
	// The run's outcome is recorded even when it was cut short by shutdown.
	if err := in.store.PutSourceState(context.WithoutCancel(ctx), src.Name, *st); err != nil {
		in.log.Warn("ingest: save source health", "source", src.Name, "error", err)
	}
}

// backoff is the wait after n consecutive failures: none for the first,
// then 5 minutes doubling up to a day.
func backoff(n int) time.Duration {
	if n <= 1 {
		return 0
	}
	d := 5 * time.Minute << min(n-2, 9)
	return min(d, 24*time.Hour)
}

// Passages cuts a stored article into indexable passages with their
// speakers.
func Passages(a article.Article) []article.Passage {
	return passage.Split(a, attrib.Attribute(a.OutletName(), a.Paragraphs))
}

func (s *Summary) count(st store.PutStatus, passages int, err error, what string) {
	if err != nil {
		s.Failed++
		s.Errors = append(s.Errors, fmt.Errorf("%s: %w", what, err))
		return
	}
	s.Passages += passages
	switch st {
	case store.New:
		s.New++
	case store.Updated:
		s.Updated++
	case store.Unchanged:
		s.Unchanged++
	case store.Duplicate:
		s.Duplicate++
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n]
	}
	return s
}
