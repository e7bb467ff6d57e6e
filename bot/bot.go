// Package bot is storybot's Discord adapter: slash commands over the gateway
// or an HTTP interactions endpoint, answers and digests rendered as embeds
// that cannot ping anyone or break Discord's limits.
package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"storybot/answer"
	"storybot/bot/message"
	"storybot/quotes"
	"storybot/store"
)

// Modes of receiving interactions.
const (
	ModeGateway = "gateway"
	ModeHTTP    = "http"
)

// Config is the bot's part of config.yaml plus the token, which the caller
// reads from the environment.
type Config struct {
	Token        string   // bot token, with or without the "Bot " prefix; never logged
	Mode         string   // ModeGateway (default) or ModeHTTP
	APIBaseURL   string   // Discord-compatible REST base, e.g. "https://discord.com"; empty means Discord's own
	GuildIDs     []string // register commands to these guilds; empty means globally
	AdminRoleIDs []string // members with any of these roles may run admin commands
	PublicKey    string   // hex Ed25519 key of the application, required in ModeHTTP
	AskPerMinute int      // per-user /ask limit; 0 means 5
	// AskWorkers is how many /ask are answered at once (0 means one per
	// core); AskQueue how many more may wait their turn (0 means 16 per
	// worker). An /ask beyond both is told to try again in a moment.
	AskWorkers, AskQueue int
	// FirstDigestLookback is how far back a new story's first digest
	// reaches, for /track add to say so.
	FirstDigestLookback time.Duration
	// AllowedGuildIDs are the only guilds whose interactions are served;
	// others get a refusal. Empty serves every guild.
	AllowedGuildIDs []string
	MaxStories      int // tracked stories per guild; 0 means 25
	// MaxConcurrentRequests caps interaction requests served at once on
	// the HTTP endpoint; 0 means 64.
	MaxConcurrentRequests int

	// ProgressEvery is the least time between /reindex progress edits;
	// 0 means 3 seconds.
	ProgressEvery time.Duration
}

// Deps are the services the commands use. Every field is required except
// where noted.
type Deps struct {
	Asker     Asker
	Stories   StoryStore
	Sources   SourceAdmin
	Reindexer Reindexer
	Digests   DigestPoster
	Status    StatusReporter
	Timeline  Timeliner
	Charts    Charter
	Suggester Suggester
	Quotes    Quoter
}

// Asker answers questions (/ask) from what guildID may see: the
// operator's sources and its own.
type Asker interface {
	Ask(ctx context.Context, guildID string, r answer.Request) (answer.Answer, error)
}

// StoryStore keeps tracked stories (/track, /story); *store.Store is one.
type StoryStore interface {
	PutStory(ctx context.Context, st store.Story) error
	Story(ctx context.Context, guildID, name string) (store.Story, error)
	DeleteStory(ctx context.Context, guildID, name string) error
	Stories(ctx context.Context, guildID string) ([]store.Story, error)
}

// SourceAdmin lists, adds and removes a guild's sources (/sources). List
// returns the operator's sources and the guild's own; Add validates the URL
// (scheme, public address) and fetches it once before saving it as the
// guild's, outlet (when set) being the name citations show for its
// articles; Remove touches only the guild's own. Error texts are shown to
// the admin.
type SourceAdmin interface {
	List(ctx context.Context, guildID string) ([]SourceInfo, error)
	Add(ctx context.Context, guildID, name, url, outlet, by string) error
	Remove(ctx context.Context, guildID, name string) error
}

// SourceInfo is one configured or added source as /sources lists it.
type SourceInfo struct {
	Name    string
	URL     string
	Kind    string    // rss, web, file...
	Outlet  string    // display name in citations; empty: the name found in the articles
	AddedBy string    // user ID for sources added with /sources add; empty for config.yaml
	Added   time.Time // zero for config.yaml sources
}

// Reindexer rebuilds the passage index from the store while the old index
// keeps serving (/reindex). progress may be called often and from any
// goroutine.
type Reindexer interface {
	Reindex(ctx context.Context, progress func(done, total int)) (passages int, err error)
}

// DigestPoster composes and posts one story's digest now (/digest),
// normally by calling Bot.PostDigest, and returns the number of entries
// posted. An unknown story is an error wrapping store.ErrNotFound.
type DigestPoster interface {
	PostNow(ctx context.Context, guildID, story string) (entries int, err error)
}

// StatusReporter reports the service's state as guildID may see it: the
// operator's sources and its own (/status).
type StatusReporter interface {
	Status(ctx context.Context, guildID string) (Status, error)
}

// Timeliner lists a query's articles newest first, from what guildID may
// see (/story, and /track add's preview); limit 0 means every match.
type Timeliner interface {
	Timeline(ctx context.Context, guildID, query string, limit int) ([]TimelineEntry, error)
}

// Charter draws a query's coverage (articles per day, stacked by outlet)
// as a PNG titled title (/story), from what guildID may see.
type Charter interface {
	CoveragePNG(ctx context.Context, guildID, title, query string) ([]byte, error)
}

// Quoter finds what a speaker has been quoted saying (/quotes) and the
// speakers the index knows (its autocomplete), from what guildID may see.
type Quoter interface {
	Quotes(ctx context.Context, guildID string, r quotes.Request) (quotes.Result, error)
	KnownSpeakers(ctx context.Context, guildID, typed string, limit int) ([]quotes.Known, error)
}

// Suggester finds emerging stories (/track suggest): clusters of recent
// articles guildID may see that none of its tracked stories matches.
type Suggester interface {
	Suggest(ctx context.Context, guildID string) ([]Suggestion, error)
}

// Suggestion is an emerging story: a name and a query to track it by, how
// big it is and its top headlines.
type Suggestion struct {
	Name      string
	Query     string
	Articles  int
	Outlets   int
	Found     int // of its articles, how many the query finds
	Headlines []string
}

// Status is what /status shows.
type Status struct {
	Articles int
	Passages int
	Sources  []SourceStatus
	NextRuns []NextRun
}

// SourceStatus is one source's ingest health.
type SourceStatus struct {
	Name        string
	LastSuccess time.Time
	LastError   string
	Failures    int
}

// NextRun is a scheduled job's next run.
type NextRun struct {
	Job string
	At  time.Time
}

// TimelineEntry is one article of a story's timeline.
type TimelineEntry struct {
	Title     string
	URL       string
	Source    string
	Published time.Time
}

// Bot is a Discord session serving storybot's slash commands.
type Bot struct {
	cfg      Config
	deps     Deps
	log      *slog.Logger
	session  *discordgo.Session
	commands map[string]*command
	limiter  *limiter
	asks     *askQueue
	now      func() time.Time

	opened    atomic.Bool
	gatewayUp atomic.Bool
	removeFns []func()
	userID    string // the bot's own user, for its channel permissions
	inflight  chan struct{}
	trackMu   sync.Mutex // serialises /track add's limit check and save

	mu      sync.Mutex // guards closing against spawn
	closing bool
	baseCtx context.Context
	cancel  context.CancelFunc
	running sync.WaitGroup
}

// New checks cfg and deps and prepares a session; it connects nothing.
func New(cfg Config, deps Deps, log *slog.Logger) (*Bot, error) {
	if err := checkConfig(&cfg); err != nil {
		return nil, err
	}
	if err := checkDeps(deps); err != nil {
		return nil, err
	}
	s, err := message.NewSession(cfg.Token, cfg.APIBaseURL)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &Bot{
		cfg: cfg, deps: deps, log: log, session: s,
		limiter: newLimiter(cfg.AskPerMinute, time.Minute),
		asks:    newAskQueue(cfg.AskWorkers, cfg.AskQueue),
		now:     time.Now, baseCtx: ctx, cancel: cancel,
		inflight: make(chan struct{}, cfg.MaxConcurrentRequests),
	}
	b.commands = b.commandSet()
	return b, nil
}

func checkConfig(cfg *Config) error {
	if strings.TrimSpace(cfg.Token) == "" {
		return errors.New("bot: token is empty (set DISCORD_TOKEN)")
	}
	switch cfg.Mode {
	case "":
		cfg.Mode = ModeGateway
	case ModeGateway, ModeHTTP:
	default:
		return fmt.Errorf("bot: mode %q: want %q or %q", cfg.Mode, ModeGateway, ModeHTTP)
	}
	if cfg.Mode == ModeHTTP {
		if _, err := parsePublicKey(cfg.PublicKey); err != nil {
			return err
		}
	}
	if cfg.AskPerMinute <= 0 {
		cfg.AskPerMinute = 5
	}
	if cfg.AskWorkers <= 0 {
		cfg.AskWorkers = runtime.GOMAXPROCS(0)
	}
	if cfg.AskQueue <= 0 {
		cfg.AskQueue = 16 * cfg.AskWorkers
	}
	if cfg.MaxStories <= 0 {
		cfg.MaxStories = 25
	}
	if cfg.MaxConcurrentRequests <= 0 {
		cfg.MaxConcurrentRequests = 64
	}
	if cfg.ProgressEvery <= 0 {
		cfg.ProgressEvery = 3 * time.Second
	}
	return nil
}

func checkDeps(d Deps) error {
	missing := []string{}
	for name, v := range map[string]any{
		"Asker": d.Asker, "Stories": d.Stories, "Sources": d.Sources, "Reindexer": d.Reindexer,
		"Digests": d.Digests, "Status": d.Status, "Timeline": d.Timeline, "Charts": d.Charts, "Suggester": d.Suggester, "Quotes": d.Quotes,
	} {
		if v == nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("bot: missing dependencies: %s", strings.Join(missing, ", "))
	}
	return nil
}

// Open registers the commands with one bulk overwrite and, in gateway mode,
// connects to the gateway.
func (b *Bot) Open(ctx context.Context) error {
	app, err := b.application(ctx)
	if err != nil {
		return err
	}
	if err := b.register(ctx, app.ID); err != nil {
		return err
	}
	me, err := b.session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: read own user: %w", err)
	}
	b.userID = me.ID
	if b.cfg.Mode == ModeGateway {
		b.removeFns = append(b.removeFns,
			b.session.AddHandler(b.onEvent),
			b.session.AddHandler(func(*discordgo.Session, *discordgo.Connect) { b.gatewayUp.Store(true) }),
			b.session.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { b.gatewayUp.Store(false) }))
		if err := b.session.Open(); err != nil {
			return fmt.Errorf("bot: open gateway: %w", err)
		}
		b.gatewayUp.Store(true)
	}
	b.opened.Store(true)
	b.log.Info("discord ready", "mode", b.cfg.Mode, "application_id", app.ID, "commands", len(b.commands))
	return nil
}

// application reads the bot's own application, for its ID.
func (b *Bot) application(ctx context.Context) (*discordgo.Application, error) {
	u := discordgo.EndpointOAuth2Application("@me")
	body, err := b.session.RequestWithBucketID("GET", u, nil, u, discordgo.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("bot: read application: %w", err)
	}
	var app discordgo.Application
	if err := json.Unmarshal(body, &app); err != nil || app.ID == "" {
		return nil, fmt.Errorf("bot: read application: no id in %.100q (%v)", body, err)
	}
	return &app, nil
}

// register overwrites the application's commands, globally or per guild.
func (b *Bot) register(ctx context.Context, appID string) error {
	defs := b.definitions()
	guilds := b.cfg.GuildIDs
	if len(guilds) == 0 {
		guilds = []string{""}
	}
	for _, g := range guilds {
		if _, err := b.session.ApplicationCommandBulkOverwrite(appID, g, defs, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("bot: register commands (guild %q): %w", g, err)
		}
	}
	return nil
}

// Close stops accepting interactions, waits for running handlers and
// disconnects.
func (b *Bot) Close() error {
	b.opened.Store(false)
	for _, remove := range b.removeFns {
		remove()
	}
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	b.drain()
	if b.cfg.Mode != ModeGateway {
		return nil
	}
	if err := b.session.Close(); err != nil {
		return fmt.Errorf("bot: close gateway: %w", err)
	}
	return nil
}

// closeGrace is how long Close lets running commands finish before
// cancelling them.
const closeGrace = 10 * time.Second

// drain waits for running commands, cancelling them after closeGrace.
func (b *Bot) drain() {
	done := make(chan struct{})
	go func() { b.running.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(closeGrace):
		b.log.Warn("cancelling running commands at close")
	}
	b.cancel()
	<-done
}

// Connected reports whether the bot can serve interactions: the gateway is
// up (gateway mode) or the commands are registered (HTTP mode).
func (b *Bot) Connected() bool {
	if !b.opened.Load() {
		return false
	}
	return b.cfg.Mode != ModeGateway || b.gatewayUp.Load()
}

// The store keeps tracked stories as they are.
var _ StoryStore = (*store.Store)(nil)
