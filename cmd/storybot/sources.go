package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"storybot/bot"
	"storybot/extract"
	"storybot/feed"
	"storybot/fetch"
	"storybot/ingest"
	"storybot/store"
)

// allSources lists the configured sources followed by those added with
// /sources add.
func (s *service) allSources(ctx context.Context) ([]ingest.Source, error) {
	out := ingest.FromConfig(s.app.cfg.Sources)
	added, err := s.app.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range added {
		out = append(out, ingest.Source{Name: a.Name, Kind: ingest.Kind(a.Kind), Target: a.URL, Outlet: a.Outlet})
	}
	return out, nil
}

// sourceAdmin serves /sources: it lists, checks and adds, and removes
// sources.
type sourceAdmin struct {
	s     *service
	fetch *fetch.Client // refuses private addresses unless fetch.allow_private
}

// List merges config.yaml's sources with the added ones.
func (a sourceAdmin) List(ctx context.Context) ([]bot.SourceInfo, error) {
	var out []bot.SourceInfo
	for _, c := range ingest.FromConfig(a.s.app.cfg.Sources) {
		out = append(out, bot.SourceInfo{Name: c.Name, URL: c.Target, Kind: string(c.Kind), Outlet: c.Outlet})
	}
	added, err := a.s.app.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range added {
		out = append(out, bot.SourceInfo{Name: s.Name, URL: s.URL, Kind: s.Kind, Outlet: s.Outlet, AddedBy: s.AddedBy, Added: s.Added})
	}
	return out, nil
}

// Add checks that rawURL is an http(s) URL of a public address that parses
// as a feed or holds an article, then saves it; it is ingested on schedule.
// outlet, when not empty, is the name its citations show.
func (a sourceAdmin) Add(ctx context.Context, name, rawURL, outlet, by string) error {
	name, outlet = strings.TrimSpace(name), strings.Join(strings.Fields(outlet), " ")
	if name == "" || len(name) > 64 {
		return errors.New("a source name needs 1 to 64 characters")
	}
	if len(outlet) > 100 {
		return errors.New("an outlet's display name can have at most 100 characters")
	}
	if a.exists(ctx, name) {
		return fmt.Errorf("there is already a source called %q", name)
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", rawURL)
	}
	kind, err := a.check(ctx, u.String())
	if err != nil {
		return err
	}
	return a.s.app.store.PutSource(ctx, store.Source{Name: name, URL: u.String(), Kind: kind, Outlet: outlet, AddedBy: by, Added: time.Now().UTC()})
}

func (a sourceAdmin) exists(ctx context.Context, name string) bool {
	list, err := a.List(ctx)
	if err != nil {
		return false
	}
	for _, s := range list {
		if strings.EqualFold(s.Name, name) {
			return true
		}
	}
	return false
}

// check fetches u once: a feed that parses, or a page with an article.
func (a sourceAdmin) check(ctx context.Context, u string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	resp, err := a.fetch.Get(ctx, u, fetch.Conditional{})
	if errors.Is(err, fetch.ErrBlockedAddress) {
		return "", fmt.Errorf("%s points at a private or local address, which this bot may not fetch", u)
	}
	if err != nil {
		return "", fmt.Errorf("could not fetch %s: %w", u, err)
	}
	f, ferr := feed.Parse(resp.Body, resp.URL)
	if ferr == nil {
		if len(f.Items) == 0 {
			return "", fmt.Errorf("%s is a feed with no items", u)
		}
		return string(ingest.KindFeed), nil
	}
	pu, _ := url.Parse(resp.URL)
	if _, err := extract.Extract(resp.Body, pu); err != nil {
		return "", fmt.Errorf("%s is neither a feed (%v) nor an article page (%v)", u, ferr, err)
	}
	return string(ingest.KindPage), nil
}

// Remove deletes an added source; configured ones live in config.yaml.
func (a sourceAdmin) Remove(ctx context.Context, name string) error {
	for _, c := range a.s.app.cfg.Sources {
		if strings.EqualFold(c.Name, name) {
			return fmt.Errorf("%q is configured in config.yaml; remove it there", name)
		}
	}
	err := a.s.app.store.DeleteSource(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("there is no source called %q", name)
	}
	return err
}
