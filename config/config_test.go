package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadDefaultsAndResolve(t *testing.T) {
	p := write(t, "sources:\n  - name: local\n    path: corpus\nfetch:\n  timeout: 5s\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(p)
	if got, want := c.DataDir, filepath.Join(dir, "data"); got != want {
		t.Errorf("data_dir: got %q, want %q", got, want)
	}
	if got, want := c.Sources[0].Path, filepath.Join(dir, "corpus"); got != want {
		t.Errorf("path: got %q, want %q", got, want)
	}
	if c.Fetch.Timeout != 5*time.Second || c.Fetch.MaxBytes != 8<<20 {
		t.Errorf("fetch: got %+v", c.Fetch)
	}
}

func TestLoadEmptyFile(t *testing.T) {
	c, err := Load(write(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if c.Discord.Mode != "gateway" {
		t.Errorf("mode: got %q, want gateway", c.Discord.Mode)
	}
	if c.Schedule.FirstLookback != 24*time.Hour {
		t.Errorf("schedule.first_digest_lookback: got %v, want 24h", c.Schedule.FirstLookback)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"unknown key", "data_dirr: x\n", "data_dirr"},
		{"two kinds", "sources:\n  - name: a\n    feed: http://x/\n    path: y\n", "exactly one of feed, page or path"},
		{"bad url", "sources:\n  - name: a\n    feed: ftp://x/\n", "not an http or https URL"},
		{"duplicate", "sources:\n  - name: a\n    path: x\n  - name: A\n    path: y\n", "used twice"},
		{"mode", "discord:\n  mode: carrier-pigeon\n", "discord.mode"},
		{"story", "stories:\n  - name: a\n", "stories[0]"},
		{"story without guild", "stories:\n  - name: a\n    query: b\n    channel: \"1\"\n", "guild_id"},
		{"story channel", "stories:\n  - name: a\n    query: b\n    channel: \"#news\"\n    guild_id: \"2\"\n", "stories[0].channel"},
		{"log", "log:\n  format: xml\n", "log.format"},
		{"lookback", "schedule:\n  first_digest_lookback: -1h\n", "schedule.first_digest_lookback"},
		{"log level", "log:\n  level: verbose\n", "log.level"},
		{"host delay", "fetch:\n  host_delay: -1s\n", "fetch.host_delay"},
		{"retries", "fetch:\n  retries: -3\n", "fetch.retries"},
		{"pages per feed", "fetch:\n  pages_per_feed: -1\n", "fetch.pages_per_feed"},
		{"concurrency", "fetch:\n  concurrency: 0\n", "fetch.concurrency"},
		{"digest entries", "schedule:\n  digest_max_entries: -5\n", "schedule.digest_max_entries"},
		{"listen", "http:\n  listen: nonsense\n", "http.listen"},
		{"listen port", "http:\n  listen: 127.0.0.1:99999\n", "http.listen"},
		{"metrics listen", "http:\n  metrics_listen: localhost\n", "http.metrics_listen"},
		{"max stories", "discord:\n  max_tracked_stories: 0\n", "discord.max_tracked_stories"},
		{"guild id", "discord:\n  guild_ids: [abc]\n", "discord.guild_ids"},
		{"source name", "sources:\n  - name: \"a\\x1b[2J\"\n    path: x\n", "printable"},
		{"global allow_private is gone", "fetch:\n  allow_private: true\n", "allow_private"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, tt.body))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func TestEnvOverrides(t *testing.T) {
	t.Setenv("STORYBOT_DATA_DIR", "/data")
	t.Setenv("STORYBOT_DISCORD_GUILD_IDS", "1, 2,")
	c, err := Load(write(t, ""))
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/data" {
		t.Errorf("data_dir: got %q, want /data", c.DataDir)
	}
	if strings.Join(c.Discord.GuildIDs, "|") != "1|2" {
		t.Errorf("guild_ids: got %q", c.Discord.GuildIDs)
	}
	if got := c.Discord.Allowed(); strings.Join(got, "|") != "1|2" {
		t.Errorf("allowed guilds without allowed_guild_ids: got %q, want guild_ids", got)
	}
	t.Setenv("STORYBOT_DISCORD_ALLOWED_GUILD_IDS", "3")
	t.Setenv("STORYBOT_METRICS_LISTEN", "127.0.0.1:9999")
	if c, err = Load(write(t, "")); err != nil {
		t.Fatal(err)
	}
	if got := c.Discord.Allowed(); strings.Join(got, "|") != "3" || c.HTTP.MetricsListen != "127.0.0.1:9999" {
		t.Errorf("got allowed guilds %q and metrics_listen %q, want 3 and 127.0.0.1:9999", got, c.HTTP.MetricsListen)
	}
	t.Setenv("STORYBOT_DISCORD_ALLOWED_GUILD_IDS", "not-an-id")
	if _, err := Load(write(t, "")); err == nil || !strings.Contains(err.Error(), "allowed_guild_ids") {
		t.Errorf("got %v, want an error naming allowed_guild_ids", err)
	}
}

func TestMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil {
		t.Fatal("want an error for a missing file")
	}
}
