package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"storybot/bot"
	"storybot/bot/message"
	"storybot/config"
	"storybot/digest"
	"storybot/ingest"
	"storybot/jobs"
	"storybot/metrics"
	"storybot/store"
)

// shutdownBound is how long shutdown waits for running jobs and requests.
const shutdownBound = 30 * time.Second

func cmdRun(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return errUsage
	}
	cfg, err := config.Load(e.configPath)
	if err != nil {
		return err
	}
	if err := jobs.Validate(schedules(cfg)...); err != nil {
		return err
	}
	a, err := openApp(ctx, e)
	if err != nil {
		return err
	}
	defer a.Close()
	poster, err := newPoster(a)
	if err != nil {
		return err
	}
	s := newService(a, metrics.NewStorybot(), poster)
	if err := syncStories(ctx, a); err != nil {
		return err
	}
	b, err := newBot(a, s)
	if err != nil {
		return err
	}
	s.sched = jobs.New(a.log)
	if err := addJobs(s, poster != nil); err != nil {
		return err
	}
	srv, err := serveHTTP(a, s, b)
	if err != nil {
		return err
	}
	if b != nil {
		if err := b.Open(ctx); err != nil {
			srv.Close()
			return err
		}
	}
	s.sched.Start()
	go func() { // a first pass now rather than at the first tick
		if err := s.IngestAll(ctx); err != nil {
			a.log.Error("ingest", "error", err)
		}
	}()
	a.log.Info("storybot running", "http", srv.Addr, "discord", b != nil)
	<-ctx.Done()
	a.log.Info("shutting down")
	return shutdown(s, b, srv)
}

func shutdown(s *service, b *bot.Bot, srv *http.Server) error {
	var errs []error
	errs = append(errs, s.sched.Stop(shutdownBound))
	if b != nil {
		errs = append(errs, b.Close())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	errs = append(errs, srv.Shutdown(ctx))
	return errors.Join(errs...)
}

// schedules lists every cron spec in cfg with the key that set it.
func schedules(cfg *config.Config) []jobs.Schedule {
	out := []jobs.Schedule{{Key: "schedule.ingest", Spec: cfg.Schedule.Ingest}, {Key: "schedule.digest", Spec: cfg.Schedule.Digest}}
	for i, s := range cfg.Sources {
		if s.Schedule != "" {
			out = append(out, jobs.Schedule{Key: fmt.Sprintf("sources[%d].schedule", i), Spec: s.Schedule})
		}
	}
	return out
}

// addJobs schedules ingestion (one job for the sources on the common
// schedule, one per source with its own) and, with Discord, digests.
func addJobs(s *service, discord bool) error {
	if err := s.sched.Add("ingest", s.app.cfg.Schedule.Ingest, s.IngestAll); err != nil {
		return err
	}
	for _, src := range s.app.cfg.Sources {
		if src.Schedule == "" {
			continue
		}
		one := ingest.FromConfig([]config.Source{src})[0]
		if err := s.sched.Add("ingest:"+src.Name, src.Schedule, func(ctx context.Context) error { return s.IngestOne(ctx, one) }); err != nil {
			return err
		}
	}
	if !discord {
		return nil
	}
	return s.sched.Add("digest", s.app.cfg.Schedule.Digest, func(ctx context.Context) error {
		_, err := s.PostNow(ctx, "", "")
		return err
	})
}

// newPoster returns the digest poster, built before the service whose
// digest runner (the scheduled job and /digest) posts through it; without
// DISCORD_TOKEN it returns nil and digests are not posted.
func newPoster(a *app) (digest.Poster, error) {
	token := strings.TrimSpace(os.Getenv("DISCORD_TOKEN"))
	if token == "" {
		return nil, nil
	}
	p, err := message.NewPoster(token, a.cfg.Discord.APIBaseURL, a.log)
	if err != nil {
		return nil, err // not a nil *Poster in the interface
	}
	return p, nil
}

// newBot connects nothing yet; without DISCORD_TOKEN it returns nil and
// storybot runs its schedule and HTTP endpoints alone.
func newBot(a *app, s *service) (*bot.Bot, error) {
	token := strings.TrimSpace(os.Getenv("DISCORD_TOKEN"))
	if token == "" {
		a.log.Warn("DISCORD_TOKEN is not set: running without Discord; ingestion runs, digests are not posted")
		return nil, nil
	}
	d := a.cfg.Discord
	b, err := bot.New(bot.Config{Token: token, Mode: d.Mode, APIBaseURL: d.APIBaseURL, GuildIDs: d.GuildIDs,
		AdminRoleIDs: d.AdminRoleIDs, PublicKey: d.PublicKey, AskPerMinute: d.AskPerMinute,
		AskWorkers: d.AskWorkers, AskQueue: d.AskQueue,
		FirstDigestLookback: a.cfg.Schedule.FirstLookback},
		bot.Deps{Asker: s, Stories: a.store, Sources: sourceAdmin{s: s, fetch: a.fetcher(false)},
			Reindexer: s, Digests: s, Status: s, Timeline: s, Charts: s, Suggester: s, Quotes: s}, a.log)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// serveHTTP starts the listener for /healthz, /readyz, /metrics and, in
// http mode, /interactions.
func serveHTTP(a *app, s *service, b *bot.Bot) (*http.Server, error) {
	mux := http.NewServeMux()
	healthz, readyz := metrics.HealthHandlers(func() (bool, string) {
		if _, err := a.index.Count(); err != nil {
			return false, "index: " + err.Error()
		}
		if b != nil && !b.Connected() {
			return false, "discord not connected"
		}
		return true, ""
	})
	mux.Handle("GET /healthz", healthz)
	mux.Handle("GET /readyz", readyz)
	mux.Handle("GET /metrics", s.metrics.Handler())
	if b != nil && a.cfg.Discord.Mode == bot.ModeHTTP {
		mux.Handle("POST /interactions", b.InteractionsHandler())
	}
	ln, err := net.Listen("tcp", a.cfg.HTTP.Listen)
	if err != nil {
		return nil, fmt.Errorf("http.listen %s: %w", a.cfg.HTTP.Listen, err)
	}
	srv := &http.Server{Addr: ln.Addr().String(), Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("http server", "error", err)
		}
	}()
	return srv, nil
}

// syncStories stores the stories declared in config.yaml (guild ""),
// keeping the digest cursor of those already stored.
func syncStories(ctx context.Context, a *app) error {
	for _, c := range a.cfg.Stories {
		st, err := a.store.Story(ctx, "", c.Name)
		if errors.Is(err, store.ErrNotFound) {
			st = store.Story{Name: c.Name, Created: time.Now().UTC(), CreatedBy: "config.yaml"}
		} else if err != nil {
			return err
		}
		st.Query, st.ChannelID = c.Query, c.Channel
		if err := a.store.PutStory(ctx, st); err != nil {
			return err
		}
	}
	return nil
}
