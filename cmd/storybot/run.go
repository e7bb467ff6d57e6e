package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
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
	servers, err := serveHTTP(a, s, b)
	if err != nil {
		return err
	}
	if b != nil {
		if err := b.Open(ctx); err != nil {
			for _, srv := range servers {
				srv.Close()
			}
			return err
		}
	}
	s.sched.Start()
	go func() { // a first pass now rather than at the first tick
		if err := s.IngestAll(ctx); err != nil {
			a.log.Error("ingest", "error", err)
		}
	}()
	addrs := make([]string, len(servers))
	for i, srv := range servers {
		addrs[i] = srv.Addr
	}
	a.log.Info("storybot running", "http", addrs, "discord", b != nil)
	<-ctx.Done()
	a.log.Info("shutting down")
	return shutdown(s, b, servers)
}

func shutdown(s *service, b *bot.Bot, servers []*http.Server) error {
	var errs []error
	errs = append(errs, s.sched.Stop(shutdownBound))
	if b != nil {
		errs = append(errs, b.Close())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, srv := range servers {
		errs = append(errs, srv.Shutdown(ctx))
	}
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
	return botWith(a, s, token)
}

// botWith is the bot as `run` builds it, with the given token.
func botWith(a *app, s *service, token string) (*bot.Bot, error) {
	d := a.cfg.Discord
	if len(d.Allowed()) == 0 {
		a.log.Warn("discord.allowed_guild_ids and discord.guild_ids are empty: any server the bot is added to is served; turn off Public Bot in the Developer Portal and list your servers")
	}
	b, err := bot.New(bot.Config{Token: token, Mode: d.Mode, APIBaseURL: d.APIBaseURL, GuildIDs: d.GuildIDs,
		AllowedGuildIDs: d.Allowed(), AdminRoleIDs: d.AdminRoleIDs, PublicKey: d.PublicKey,
		AskPerMinute: d.AskPerMinute, AskWorkers: d.AskWorkers, AskQueue: d.AskQueue,
		MaxStories: d.MaxStories, FirstDigestLookback: a.cfg.Schedule.FirstLookback},
		bot.Deps{Asker: s, Stories: a.store, Sources: sourceAdmin{s: s, fetch: a.fetcher()},
			Reindexer: s, Digests: s, Status: s, Timeline: s, Charts: s, Suggester: s, Quotes: s}, a.log)
	if err != nil {
		return nil, err
	}
	return b, nil
}

// httpLimits bound every connection to storybot's listeners, so that no
// client holds one open by sending slowly or idling: Discord sends a small
// interaction at once, and health checks and scrapes are quick.
type httpLimits struct {
	read, write, idle time.Duration
}

var defaultHTTPLimits = httpLimits{read: 10 * time.Second, write: 20 * time.Second, idle: 60 * time.Second}

// newHTTPServer serves h within limits; a handler's panic is answered 500
// and logged.
func newHTTPServer(h http.Handler, l httpLimits, log *slog.Logger) *http.Server {
	return &http.Server{Handler: recoverHTTP(h, log), ReadHeaderTimeout: min(5*time.Second, l.read),
		ReadTimeout: l.read, WriteTimeout: l.write, IdleTimeout: l.idle, MaxHeaderBytes: 16 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
}

// recoverHTTP answers a panicking request with 500 instead of dropping the
// connection, and logs the stack.
func recoverHTTP(h http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil && v != http.ErrAbortHandler {
				log.Error("http: panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// serveHTTP starts the listener for /healthz, /readyz and, in http mode,
// /interactions, and the one for /metrics (loopback by default: source
// names are label values).
func serveHTTP(a *app, s *service, b *bot.Bot) ([]*http.Server, error) {
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
	if b != nil && a.cfg.Discord.Mode == bot.ModeHTTP {
		mux.Handle("POST /interactions", b.InteractionsHandler())
	}
	main, err := listen(a, "http.listen", a.cfg.HTTP.Listen, mux)
	if err != nil {
		return nil, err
	}
	if a.cfg.HTTP.MetricsListen == "" {
		return []*http.Server{main}, nil
	}
	mm := http.NewServeMux()
	mm.Handle("GET /metrics", s.metrics.Handler())
	m, err := listen(a, "http.metrics_listen", a.cfg.HTTP.MetricsListen, mm)
	if err != nil {
		main.Close()
		return nil, err
	}
	return []*http.Server{main, m}, nil
}

// listen serves h on addr (the config key says which) in the background.
func listen(a *app, key, addr string, h http.Handler) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", key, addr, err)
	}
	srv := newHTTPServer(h, defaultHTTPLimits, a.log)
	srv.Addr = ln.Addr().String()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.Error("http server", "listen", srv.Addr, "error", err)
		}
	}()
	return srv, nil
}

// configStory marks the stories syncStories keeps.
const configStory = "config.yaml"

// syncStories stores the stories declared in config.yaml under their
// guild, keeping the digest cursor of those already stored, and removes
// the ones config.yaml no longer declares (or declared under another
// guild).
func syncStories(ctx context.Context, a *app) error {
	declared := map[string]bool{}
	for _, c := range a.cfg.Stories {
		declared[c.GuildID+"\x00"+strings.ToLower(c.Name)] = true
		st, err := a.store.Story(ctx, c.GuildID, c.Name)
		if errors.Is(err, store.ErrNotFound) {
			st = store.Story{GuildID: c.GuildID, Name: c.Name, Created: time.Now().UTC(), CreatedBy: configStory}
		} else if err != nil {
			return err
		}
		st.Query, st.ChannelID = c.Query, c.Channel
		if err := a.store.PutStory(ctx, st); err != nil {
			return err
		}
	}
	stored, err := a.store.Stories(ctx, "")
	if err != nil {
		return err
	}
	for _, st := range stored {
		if st.CreatedBy == configStory && !declared[st.GuildID+"\x00"+strings.ToLower(st.Name)] {
			if err := a.store.DeleteStory(ctx, st.GuildID, st.Name); err != nil {
				return err
			}
			a.log.Info("story no longer in config.yaml removed", "guild_id", st.GuildID, "story", st.Name)
		}
	}
	return nil
}
