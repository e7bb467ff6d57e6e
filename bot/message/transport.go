package message

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// discordHost is where discordgo's endpoint variables point.
const discordHost = "discord.com"

// APIClient returns the HTTP client for discordgo's REST calls. discordgo
// builds its endpoint URLs from package variables, so a different API base
// is honoured by rewriting each request to discord.com onto it.
func APIClient(base string) (*http.Client, error) {
	client := &http.Client{Timeout: 20 * time.Second}
	if base == "" {
		return client, nil
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("message: api base url %q: want http(s)://host[/path]", base)
	}
	client.Transport = &rewriter{base: u, next: http.DefaultTransport}
	return client, nil
}

// rewriter sends requests for discord.com to base instead.
type rewriter struct {
	base *url.URL
	next http.RoundTripper
}

// RoundTrip rewrites r's scheme, host and path prefix when it targets
// Discord's API host.
func (rw *rewriter) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Host != discordHost {
		return rw.next.RoundTrip(r)
	}
	r = r.Clone(r.Context())
	r.URL.Scheme = rw.base.Scheme
	r.URL.Host = rw.base.Host
	r.URL.Path = strings.TrimSuffix(rw.base.Path, "/") + r.URL.Path
	if r.URL.RawPath != "" {
		r.URL.RawPath = strings.TrimSuffix(rw.base.EscapedPath(), "/") + r.URL.RawPath
	}
	r.Host = rw.base.Host
	return rw.next.RoundTrip(r)
}
