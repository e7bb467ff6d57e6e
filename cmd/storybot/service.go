package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"storybot/answer"
	"storybot/bot"
	"storybot/digest"
	"storybot/ingest"
	"storybot/jobs"
	"storybot/metrics"
	"storybot/quotes"
	"storybot/store"
	"storybot/story"
)

// service joins storybot's parts behind the small interfaces the bot and
// the scheduler consume.
type service struct {
	app     *app
	answers *answer.Service
	ingest  *ingest.Ingester
	stories *story.Finder
	quotes  *quotes.Finder
	metrics *metrics.Storybot
	digests *digest.Runner
	sched   *jobs.Scheduler // nil outside `run`

	ingestMu sync.Mutex // one ingestion pass at a time
}

// newService joins the parts; poster may be nil where nothing is posted
// (the digest runner then only composes).
func newService(a *app, m *metrics.Storybot, poster digest.Poster) *service {
	s := &service{app: a, answers: answer.New(a.index), ingest: a.ingester(ingest.Options{}),
		stories: story.New(a.index), quotes: quotes.New(a.index), metrics: m}
	s.digests = &digest.Runner{Stories: a.store, Articles: a.store, Matcher: matcher{s.stories}, Poster: poster, Visible: s,
		Log: a.log, MaxEntries: a.cfg.Schedule.DigestLimit, PostEmpty: a.cfg.Schedule.PostEmpty,
		FirstLookback: a.cfg.Schedule.FirstLookback}
	s.updatePassages()
	return s
}

// Ask answers a question from what guildID may see, and times it.
func (s *service) Ask(ctx context.Context, guildID string, r answer.Request) (answer.Answer, error) {
	hidden, err := s.hiddenSources(ctx, guildID)
	if err != nil {
		return answer.Answer{}, err
	}
	r.ExcludeSources = append(r.ExcludeSources, hidden...)
	start := time.Now()
	a, err := s.answers.Ask(ctx, r)
	s.metrics.AskLatency.Observe(time.Since(start).Seconds())
	return a, err
}

// Reindex rebuilds the index from the store while asks go on.
func (s *service) Reindex(ctx context.Context, progress func(done, total int)) (int, error) {
	start := time.Now()
	n, err := ingest.Rebuild(ctx, s.app.store, s.app.index, progress)
	if err != nil {
		return 0, err
	}
	s.metrics.ReindexDuration.Observe(time.Since(start).Seconds())
	s.updatePassages()
	s.app.log.Info("reindex done", "passages", n, "took", time.Since(start).Round(time.Millisecond))
	return n, nil
}

// PostNow posts digests now (/digest, and the schedule with guildID "")
// and returns the number of entries posted. config.yaml's stories are
// stored under their guild_id, so a guild reaches its own only.
func (s *service) PostNow(ctx context.Context, guildID, name string) (int, error) {
	posted, err := s.digests.Run(ctx, guildID, name)
	if errors.Is(err, digest.ErrNoStory) {
		err = fmt.Errorf("%w: %w", err, store.ErrNotFound)
	}
	s.metrics.DigestsPosted.Add(float64(posted.Digests))
	return posted.Entries, err
}

// IngestAll is one scheduled pass over every source, configured and added.
func (s *service) IngestAll(ctx context.Context) error {
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	all, err := s.allSources(ctx)
	if err != nil {
		return err
	}
	own := map[string]bool{}
	for _, c := range s.app.cfg.Sources {
		own[c.Name] = c.Schedule != ""
	}
	var sources []ingest.Source
	for _, src := range all {
		if !own[src.Name] {
			sources = append(sources, src)
		}
	}
	sum := s.ingest.Run(ctx, sources, nil)
	s.afterIngest(sum)
	return nil
}

// IngestOne is a run of one source, for sources with their own schedule.
func (s *service) IngestOne(ctx context.Context, src ingest.Source) error {
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	s.afterIngest(s.ingest.Run(ctx, []ingest.Source{src}, nil))
	return nil
}

func (s *service) afterIngest(sum ingest.Summary) {
	s.metrics.ArticlesIngested.Add(float64(sum.New + sum.Updated))
	for _, err := range sum.Errors {
		var se *ingest.SourceError
		var off *ingest.BackedOffError
		name := "unknown"
		if errors.As(err, &off) {
			continue // not tried: no fetch failed
		}
		if errors.As(err, &se) {
			name = se.Source
		}
		s.metrics.FetchErrors.WithLabelValues(name).Inc()
	}
	s.updatePassages()
	s.app.log.Info("ingest done", "summary", sum.String())
}

func (s *service) updatePassages() {
	if n, err := s.app.index.Count(); err == nil {
		s.metrics.PassagesIndexed.Set(float64(n))
	}
}

// Status reports what /status shows to guildID: the operator's sources
// and its own.
func (s *service) Status(ctx context.Context, guildID string) (bot.Status, error) {
	var st bot.Status
	var err error
	if st.Articles, err = s.app.store.CountArticles(ctx); err != nil {
		return st, err
	}
	n, err := s.app.index.Count()
	if err != nil {
		return st, err
	}
	st.Passages = int(n)
	states, err := s.app.store.SourceStates(ctx)
	if err != nil {
		return st, err
	}
	sources, err := sourceAdmin{s: s}.List(ctx, guildID)
	if err != nil {
		return st, err
	}
	for _, src := range sources {
		h := states[src.Name]
		st.Sources = append(st.Sources, bot.SourceStatus{Name: src.Name, LastSuccess: h.LastSuccess,
			LastError: h.LastError, Failures: h.ConsecutiveFailures})
	}
	if s.sched != nil {
		for _, r := range s.sched.Next() {
			st.NextRuns = append(st.NextRuns, bot.NextRun{Job: r.Key, At: r.At})
		}
	}
	return st, nil
}

// Quotes finds what a speaker has been quoted saying in what guildID may
// see (/quotes).
func (s *service) Quotes(ctx context.Context, guildID string, r quotes.Request) (quotes.Result, error) {
	hidden, err := s.hiddenSources(ctx, guildID)
	if err != nil {
		return quotes.Result{}, err
	}
	return s.quotes.Hiding(hidden).Find(ctx, r)
}

// KnownSpeakers offers speakers quoted in what guildID may see, for
// /quotes' autocomplete.
func (s *service) KnownSpeakers(ctx context.Context, guildID, typed string, limit int) ([]quotes.Known, error) {
	hidden, err := s.hiddenSources(ctx, guildID)
	if err != nil {
		return nil, err
	}
	return s.quotes.Hiding(hidden).Known(ctx, typed, limit)
}

// Timeline lists a story's articles that guildID may see, newest first
// (/story).
func (s *service) Timeline(ctx context.Context, guildID, query string, limit int) ([]bot.TimelineEntry, error) {
	hidden, err := s.hiddenSources(ctx, guildID)
	if err != nil {
		return nil, err
	}
	ms, err := s.stories.Hiding(hidden).Timeline(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	out := make([]bot.TimelineEntry, len(ms))
	for i, m := range ms {
		out[i] = bot.TimelineEntry{Title: m.Title, URL: m.URL, Source: m.Outlet, Published: m.Published}
	}
	return out, nil
}

// matcher adapts story.Finder to the digest runner.
type matcher struct{ f *story.Finder }

func (m matcher) Match(ctx context.Context, query string, ids []string) ([]digest.Match, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	ms, err := m.f.Match(ctx, query, ids, 0)
	if err != nil {
		return nil, err
	}
	out := make([]digest.Match, len(ms))
	for i, x := range ms {
		out[i] = digest.Match{ArticleID: x.ArticleID, Passage: x.Passage, Score: x.Score}
	}
	return out, nil
}
