package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"

	"storybot/bot"
	"storybot/extract"
	"storybot/feed"
	"storybot/fetch"
	"storybot/ingest"
	"storybot/store"
)

// allSources lists the configured sources followed by those every guild
// added with /sources add: the process ingests them all.
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

// hiddenSources are the sources whose articles guildID may not see: every
// other guild's own, removed ones included. The operator ("") sees all.
func (s *service) hiddenSources(ctx context.Context, guildID string) ([]string, error) {
	if guildID == "" {
		return nil, nil
	}
	owners, err := s.app.store.SourceOwners(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for name, owner := range owners {
		if owner != guildID {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// HiddenSources is hiddenSources as a set, for the digest runner.
func (s *service) HiddenSources(ctx context.Context, guildID string) (map[string]bool, error) {
	names, err := s.hiddenSources(ctx, guildID)
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set, err
}

// sourceAdmin serves /sources: a guild lists the operator's sources and its
// own, adds sources of its own, and removes only those.
type sourceAdmin struct {
	s     *service
	fetch *fetch.Client // refuses private addresses: a guild never gets them
}

// List returns config.yaml's sources and those guildID added.
func (a sourceAdmin) List(ctx context.Context, guildID string) ([]bot.SourceInfo, error) {
	var out []bot.SourceInfo
	for _, c := range ingest.FromConfig(a.s.app.cfg.Sources) {
		out = append(out, bot.SourceInfo{Name: c.Name, URL: c.Target, Kind: string(c.Kind), Outlet: c.Outlet})
	}
	added, err := a.s.app.store.Sources(ctx)
	if err != nil {
		return nil, err
	}
	for _, s := range added {
		if s.GuildID == guildID {
			out = append(out, bot.SourceInfo{Name: s.Name, URL: s.URL, Kind: s.Kind, Outlet: s.Outlet, AddedBy: s.AddedBy, Added: s.Added})
		}
	}
	return out, nil
}

// Add checks that rawURL is an http(s) URL of a public address that parses
// as a feed or holds an article, then saves it as guildID's; it is
// ingested on schedule. outlet, when not empty, is the name its citations
// show.
func (a sourceAdmin) Add(ctx context.Context, guildID, name, rawURL, outlet, by string) error {
	name, outlet = strings.TrimSpace(name), strings.Join(strings.Fields(outlet), " ")
	if name == "" || len(name) > 64 || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return errors.New("a source name needs 1 to 64 printable characters")
	}
	if len(outlet) > 100 {
		return errors.New("an outlet's display name can have at most 100 characters")
	}
	taken, err := a.taken(ctx, guildID, name)
	if err != nil {
		return err
	}
	if taken {
		return fmt.Errorf("the name %q is taken; choose another", name)
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", rawURL)
	}
	kind, err := a.check(ctx, u.String())
	if err != nil {
		return err
	}
	return a.s.app.store.PutSource(ctx, store.Source{Name: name, URL: u.String(), Kind: kind, Outlet: outlet, GuildID: guildID, AddedBy: by, Added: time.Now().UTC()})
}

// taken reports whether name is in use by anything but guildID's own
// sources: a configured source, another guild's source (now or before), or
// the source of articles already stored (an operator's ad-hoc ingest),
// whose articles would otherwise be hidden from other guilds with the new
// source's.
func (a sourceAdmin) taken(ctx context.Context, guildID, name string) (bool, error) {
	for _, c := range a.s.app.cfg.Sources {
		if strings.EqualFold(c.Name, name) {
			return true, nil
		}
	}
	added, err := a.s.app.store.Sources(ctx)
	if err != nil {
		return false, err
	}
	for _, s := range added {
		if strings.EqualFold(s.Name, name) {
			return true, nil // the guild's own too: remove it first
		}
	}
	owners, err := a.s.app.store.SourceOwners(ctx)
	if err != nil {
		return false, err
	}
	states, err := a.s.app.store.SourceStates(ctx)
	if err != nil {
		return false, err
	}
	indexed, err := a.s.app.index.Sources()
	if err != nil {
		return false, err
	}
	used := append(slices.Collect(maps.Keys(owners)), slices.Collect(maps.Keys(states))...)
	for _, n := range append(used, indexed...) {
		if strings.EqualFold(n, name) && owners[n] != guildID {
			return true, nil
		}
	}
	return false, nil
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

// Remove deletes a source guildID added; configured ones live in
// config.yaml, and other guilds' are not its to remove.
func (a sourceAdmin) Remove(ctx context.Context, guildID, name string) error {
	for _, c := range a.s.app.cfg.Sources {
		if strings.EqualFold(c.Name, name) {
			return fmt.Errorf("%q is configured by storybot's operator, not added here", name)
		}
	}
	added, err := a.s.app.store.Sources(ctx)
	if err != nil {
		return err
	}
	for _, s := range added {
		if strings.EqualFold(s.Name, name) && s.GuildID == guildID {
			return a.s.app.store.DeleteSource(ctx, s.Name)
		}
	}
	return fmt.Errorf("this server has added no source called %q", name)
}
