package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"

	"storybot/bot"
	"storybot/bot/discordtest"
	"storybot/config"
	"storybot/metrics"
	"storybot/scale"
)

// benchHTTP serves the data folder at dir as `storybot run` does in http
// mode, on 127.0.0.1 with the Discord stand-in as its Discord, and asks
// qs through the interactions endpoint one at a time.
func benchHTTP(ctx context.Context, e *env, dir string, qs []string) (res scale.AskedHTTP, err error) {
	discord := discordtest.Start()
	defer discord.Close()
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return res, err
	}
	cfg := config.Default()
	cfg.DataDir = dir
	cfg.Discord.Mode, cfg.Discord.APIBaseURL, cfg.Discord.PublicKey = bot.ModeHTTP, discord.URL(), hex.EncodeToString(pub)
	cfg.Discord.AllowedGuildIDs = []string{discordtest.DefaultGuildID} // where the questions come from
	cfg.HTTP.Listen, cfg.HTTP.MetricsListen = "127.0.0.1:0", ""
	if err := cfg.Validate(); err != nil {
		return res, err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	a, err := openAppWith(ctx, &cfg, log)
	if err != nil {
		return res, err
	}
	defer a.Close()
	s := newService(a, metrics.NewStorybot(), nil)
	b, err := botWith(a, s, "bench-token")
	if err != nil {
		return res, err
	}
	servers, err := serveHTTP(a, s, b)
	if err != nil {
		return res, err
	}
	defer func() {
		for _, srv := range servers {
			err = errors.Join(err, srv.Close())
		}
	}()
	if err := b.Open(ctx); err != nil {
		return res, err
	}
	defer func() { err = errors.Join(err, b.Close()) }()
	return scale.AskHTTP(ctx, scale.Endpoint{URL: "http://" + servers[0].Addr + "/interactions", Key: key, Discord: discord}, qs)
}
