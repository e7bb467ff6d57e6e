// Package config loads storybot's YAML configuration. It returns a value;
// nothing here is global.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Config is the whole of config.yaml.
type Config struct {
	DataDir  string   `yaml:"data_dir"`
	Sources  []Source `yaml:"sources"`
	Fetch    Fetch    `yaml:"fetch"`
	Schedule Schedule `yaml:"schedule"`
	Stories  []Story  `yaml:"stories"`
	Discord  Discord  `yaml:"discord"`
	HTTP     HTTP     `yaml:"http"`
	Log      Log      `yaml:"log"`
}

// Source is one place articles come from: exactly one of Feed, Page or Path.
type Source struct {
	Name     string `yaml:"name"`
	Feed     string `yaml:"feed,omitempty"`
	Page     string `yaml:"page,omitempty"`
	Path     string `yaml:"path,omitempty"`
	Schedule string `yaml:"schedule,omitempty"` // overrides schedule.ingest for this source
	Outlet   string `yaml:"outlet,omitempty"`   // name citations show; default: found in the articles
	// AllowPrivate lets this source's fetches reach loopback, private and
	// link-local addresses (an intranet feed); no other source gains it.
	AllowPrivate bool `yaml:"allow_private,omitempty"`
}

// Fetch bounds every outbound request.
type Fetch struct {
	Timeout      time.Duration `yaml:"timeout"`
	MaxBytes     int64         `yaml:"max_bytes"`
	UserAgent    string        `yaml:"user_agent"`
	HostDelay    time.Duration `yaml:"host_delay"`
	Concurrency  int           `yaml:"concurrency"`
	Retries      int           `yaml:"retries"`
	PagesPerFeed int           `yaml:"pages_per_feed"`
}

// Schedule holds cron specs for the jobs `storybot run` starts.
type Schedule struct {
	Ingest      string `yaml:"ingest"`
	Digest      string `yaml:"digest"`
	PostEmpty   bool   `yaml:"post_empty_digest"`
	DigestLimit int    `yaml:"digest_max_entries"`
	// FirstLookback is how far back before a story was tracked its first
	// digest reaches.
	FirstLookback time.Duration `yaml:"first_digest_lookback"`
}

// Story is a tracked story declared in the file, besides those added with
// /track.
type Story struct {
	Name    string `yaml:"name"`
	Query   string `yaml:"query"`
	Channel string `yaml:"channel"`
	GuildID string `yaml:"guild_id"` // the server it belongs to: only its admins may /digest it
}

// Discord configures the bot. The token is never read from the file: it
// comes from the DISCORD_TOKEN environment variable.
type Discord struct {
	Mode         string   `yaml:"mode"` // gateway or http
	APIBaseURL   string   `yaml:"api_base_url"`
	GuildIDs     []string `yaml:"guild_ids"`
	AdminRoleIDs []string `yaml:"admin_role_ids"`
	PublicKey    string   `yaml:"public_key"`
	AskPerMinute int      `yaml:"ask_per_minute"`
	AskWorkers   int      `yaml:"ask_workers"` // 0: one per core
	AskQueue     int      `yaml:"ask_queue"`   // 0: 16 per worker

	// AllowedGuildIDs are the only servers whose interactions are served;
	// empty means GuildIDs, and both empty means any server.
	AllowedGuildIDs []string `yaml:"allowed_guild_ids"`
	MaxStories      int      `yaml:"max_tracked_stories"` // per server
}

// Allowed returns the servers whose interactions are served, or nil for
// any server.
func (d Discord) Allowed() []string {
	if len(d.AllowedGuildIDs) > 0 {
		return d.AllowedGuildIDs
	}
	return d.GuildIDs
}

// HTTP configures the listeners: health and interactions on Listen,
// metrics on MetricsListen (empty: not served).
type HTTP struct {
	Listen        string `yaml:"listen"`
	MetricsListen string `yaml:"metrics_listen"`
}

// Log configures log/slog output.
type Log struct {
	Format string `yaml:"format"` // auto, text or json
	Level  string `yaml:"level"`  // debug, info, warn, error
}

// Default returns the configuration used for keys the file leaves out.
func Default() Config {
	return Config{
		DataDir: "data",
		Fetch: Fetch{
			Timeout: 20 * time.Second, MaxBytes: 8 << 20,
			UserAgent: "storybot/0.1 (+https://github.com/storybot/storybot)",
			HostDelay: time.Second, Concurrency: 4, Retries: 2, PagesPerFeed: 50,
		},
		Schedule: Schedule{Ingest: "@every 15m", Digest: "0 8 * * *", DigestLimit: 10, FirstLookback: 24 * time.Hour},
		Discord:  Discord{Mode: "gateway", APIBaseURL: "https://discord.com", AskPerMinute: 5, MaxStories: 25},
		HTTP:     HTTP{Listen: "127.0.0.1:8080", MetricsListen: "127.0.0.1:9090"},
		Log:      Log{Format: "auto", Level: "info"},
	}
}

// Load reads path over the defaults, applies STORYBOT_* environment
// overrides, resolves relative paths against the file's folder and
// validates the result. A missing file is an error unless path is empty.
func Load(path string) (*Config, error) {
	cfg := Default()
	base := "."
	if path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("config: %s: %w", path, err)
		}
		base = filepath.Dir(path)
	}
	applyEnv(&cfg, os.LookupEnv)
	cfg.resolve(base)
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &cfg, nil
}

func (c *Config) resolve(base string) {
	abs := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(base, p)
	}
	c.DataDir = abs(c.DataDir)
	for i := range c.Sources {
		c.Sources[i].Path = abs(c.Sources[i].Path)
	}
}

// applyEnv lets a container override the keys operators change most.
func applyEnv(c *Config, lookup func(string) (string, bool)) {
	str := map[string]*string{
		"STORYBOT_DATA_DIR":           &c.DataDir,
		"STORYBOT_HTTP_LISTEN":        &c.HTTP.Listen,
		"STORYBOT_METRICS_LISTEN":     &c.HTTP.MetricsListen,
		"STORYBOT_LOG_FORMAT":         &c.Log.Format,
		"STORYBOT_LOG_LEVEL":          &c.Log.Level,
		"STORYBOT_DISCORD_MODE":       &c.Discord.Mode,
		"STORYBOT_DISCORD_PUBLIC_KEY": &c.Discord.PublicKey,
		"STORYBOT_DISCORD_API_BASE":   &c.Discord.APIBaseURL,
		"STORYBOT_SCHEDULE_INGEST":    &c.Schedule.Ingest,
		"STORYBOT_SCHEDULE_DIGEST":    &c.Schedule.Digest,
	}
	for k, p := range str {
		if v, ok := lookup(k); ok {
			*p = v
		}
	}
	if v, ok := lookup("STORYBOT_DISCORD_GUILD_IDS"); ok {
		c.Discord.GuildIDs = splitList(v)
	}
	if v, ok := lookup("STORYBOT_DISCORD_ALLOWED_GUILD_IDS"); ok {
		c.Discord.AllowedGuildIDs = splitList(v)
	}
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
