package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"storybot/config"
)

// cmdHealthcheck asks a running storybot's /healthz; the container's
// HEALTHCHECK runs it, as the image has no curl. It works without a config
// file: the address comes from STORYBOT_HTTP_LISTEN or the default.
func cmdHealthcheck(ctx context.Context, e *env, args []string) error {
	listen := config.Default().HTTP.Listen
	if cfg, err := config.Load(e.configPath); err == nil {
		listen = cfg.HTTP.Listen
	} else if v := os.Getenv("STORYBOT_HTTP_LISTEN"); v != "" {
		listen = v
	}
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return fmt.Errorf("http.listen %q: %w", listen, err)
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+net.JoinHostPort(host, port)+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("/healthz answered %s", resp.Status)
	}
	fmt.Fprintln(e.stdout, strings.ToLower(resp.Status))
	return nil
}
