package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Validate reports every problem in c at once, each naming its key.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("config: "+format, a...)) }
	if c.DataDir == "" {
		bad("data_dir must not be empty")
	}
	c.validateSources(bad)
	for i, s := range c.Stories {
		if s.Name == "" || s.Query == "" || s.Channel == "" || s.GuildID == "" {
			bad("stories[%d] needs name, query, channel and guild_id", i)
		}
		for key, id := range map[string]string{"channel": s.Channel, "guild_id": s.GuildID} {
			if id != "" && !snowflake(id) {
				bad("stories[%d].%s %q is not a Discord ID (digits only)", i, key, id)
			}
		}
	}
	c.validateDiscord(bad)
	f := c.Fetch
	if f.Timeout <= 0 || f.MaxBytes <= 0 || f.Concurrency <= 0 || f.PagesPerFeed <= 0 {
		bad("fetch.timeout, fetch.max_bytes, fetch.concurrency and fetch.pages_per_feed must be positive")
	}
	if f.HostDelay < 0 {
		bad("fetch.host_delay %s must not be negative", f.HostDelay)
	}
	if f.Retries < 0 || f.Retries > 10 {
		bad("fetch.retries %d must be 0 to 10", f.Retries)
	}
	if c.Schedule.DigestLimit < 0 {
		bad("schedule.digest_max_entries %d must not be negative (0 means no limit)", c.Schedule.DigestLimit)
	}
	if c.Schedule.FirstLookback < 0 {
		bad("schedule.first_digest_lookback must not be negative")
	}
	if err := checkListen(c.HTTP.Listen); err != nil {
		bad("http.listen %q: %v", c.HTTP.Listen, err)
	}
	if err := checkListen(c.HTTP.MetricsListen); c.HTTP.MetricsListen != "" && err != nil {
		bad("http.metrics_listen %q: %v", c.HTTP.MetricsListen, err)
	}
	switch c.Log.Format {
	case "auto", "text", "json":
	default:
		bad("log.format %q must be auto, text or json", c.Log.Format)
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level %q must be debug, info, warn or error", c.Log.Level)
	}
	return errors.Join(errs...)
}

func (c *Config) validateSources(bad func(string, ...any)) {
	seen := map[string]bool{}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources[%d]", i)
		if s.Name == "" || len(s.Name) > 64 || strings.IndexFunc(s.Name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
			bad("%s.name %q must be 1 to 64 printable characters", key, s.Name)
		}
		if seen[strings.ToLower(s.Name)] {
			bad("%s.name %q is used twice", key, s.Name)
		}
		seen[strings.ToLower(s.Name)] = true
		if n := count(s.Feed != "", s.Page != "", s.Path != ""); n != 1 {
			bad("%s (%s) needs exactly one of feed, page or path, has %d", key, s.Name, n)
		}
		for _, u := range []string{s.Feed, s.Page} {
			if u != "" && !httpURL(u) {
				bad("%s (%s): %q is not an http or https URL", key, s.Name, u)
			}
		}
	}
}

func (c *Config) validateDiscord(bad func(string, ...any)) {
	d := c.Discord
	if d.Mode != "gateway" && d.Mode != "http" {
		bad("discord.mode %q must be gateway or http", d.Mode)
	}
	if !httpURL(d.APIBaseURL) {
		bad("discord.api_base_url %q is not an http or https URL", d.APIBaseURL)
	}
	if d.AskPerMinute < 0 || d.AskWorkers < 0 || d.AskQueue < 0 {
		bad("discord.ask_per_minute, discord.ask_workers and discord.ask_queue must not be negative")
	}
	if d.MaxStories <= 0 {
		bad("discord.max_tracked_stories %d must be positive", d.MaxStories)
	}
	for key, ids := range map[string][]string{"guild_ids": d.GuildIDs, "allowed_guild_ids": d.AllowedGuildIDs, "admin_role_ids": d.AdminRoleIDs} {
		for _, id := range ids {
			if !snowflake(id) {
				bad("discord.%s: %q is not a Discord ID (digits only)", key, id)
			}
		}
	}
}

// checkListen accepts host:port with a numeric port; the host may be empty
// (every interface).
func checkListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return errors.New("want host:port, e.g. 127.0.0.1:8080")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	return nil
}

// snowflake reports whether s looks like a Discord ID.
func snowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

func httpURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
