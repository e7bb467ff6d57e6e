package ingest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"storybot/config"
)

// FromConfig turns configured sources into ingest sources.
func FromConfig(cs []config.Source) []Source {
	out := make([]Source, 0, len(cs))
	for _, c := range cs {
		s := Source{Name: c.Name, Kind: KindPath, Target: c.Path, Outlet: c.Outlet, AllowPrivate: c.AllowPrivate}
		switch {
		case c.Feed != "":
			s.Kind, s.Target = KindFeed, c.Feed
		case c.Page != "":
			s.Kind, s.Target = KindPage, c.Page
		}
		out = append(out, s)
	}
	return out
}

// FromArgs turns command-line arguments into sources: an http(s) URL is a
// feed or a page (decided by its content), anything else a local path. name
// overrides the source name, which is otherwise the folder's or host's name.
func FromArgs(args []string, name string) ([]Source, error) {
	var out []Source
	for _, a := range args {
		if u, err := url.Parse(a); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			out = append(out, Source{Name: firstNonEmpty(name, strings.ToLower(u.Hostname())), Kind: KindAuto, Target: a})
			continue
		}
		if strings.Contains(a, "://") {
			return nil, fmt.Errorf("ingest: %q: only http and https URLs or local paths", a)
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("ingest: %w", err)
		}
		base := a
		if !st.IsDir() {
			base = filepath.Dir(a)
		}
		abs, _ := filepath.Abs(base)
		out = append(out, Source{Name: firstNonEmpty(name, filepath.Base(abs)), Kind: KindPath, Target: a})
	}
	return out, nil
}
