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
		{"log", "log:\n  format: xml\n", "log.format"},
		{"lookback", "schedule:\n  first_digest_lookback: -1h\n", "schedule.first_digest_lookback"},
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
	t.Setenv("STORYBOT_FETCH_ALLOW_PRIVATE", "maybe")
	if _, err := Load(write(t, "")); err == nil {
		t.Error("want an error for a non-boolean STORYBOT_FETCH_ALLOW_PRIVATE")
	}
}

func TestMissingFile(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil {
		t.Fatal("want an error for a missing file")
	}
}
