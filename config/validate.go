package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Validate reports every problem in c at once, each naming its key.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf("config: "+format, a...)) }
	if c.DataDir == "" {
		bad("data_dir must not be empty")
	}
	seen := map[string]bool{}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources[%d]", i)
		if s.Name == "" {
			bad("%s.name must not be empty", key)
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
	for i, s := range c.Stories {
		if s.Name == "" || s.Query == "" || s.Channel == "" {
			bad("stories[%d] needs name, query and channel", i)
		}
	}
	if c.Discord.Mode != "gateway" && c.Discord.Mode != "http" {
		bad("discord.mode %q must be gateway or http", c.Discord.Mode)
	}
	if !httpURL(c.Discord.APIBaseURL) {
		bad("discord.api_base_url %q is not an http or https URL", c.Discord.APIBaseURL)
	}
	if c.Discord.AskPerMinute < 0 || c.Discord.AskWorkers < 0 || c.Discord.AskQueue < 0 {
		bad("discord.ask_per_minute, discord.ask_workers and discord.ask_queue must not be negative")
	}
	if c.Schedule.FirstLookback < 0 {
		bad("schedule.first_digest_lookback must not be negative")
	}
	if c.Fetch.Timeout <= 0 || c.Fetch.MaxBytes <= 0 || c.Fetch.Concurrency <= 0 {
		bad("fetch.timeout, fetch.max_bytes and fetch.concurrency must be positive")
	}
	switch c.Log.Format {
	case "auto", "text", "json":
	default:
		bad("log.format %q must be auto, text or json", c.Log.Format)
	}
	return errors.Join(errs...)
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
