package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Options configures a Client. Zero fields take the documented defaults.
type Options struct {
	Timeout      time.Duration // whole request including body read; default 20s
	MaxBytes     int64         // body limit after decompression; default 8 MiB
	UserAgent    string        // default DefaultUserAgent
	MaxRedirects int           // default 5
	HostDelay    time.Duration // gap between two requests to one host; default 0
	// AllowPrivate lets the client connect to loopback, private and
	// link-local addresses. When false the check runs at dial time, on the
	// resolved address, for every hop of a redirect chain.
	AllowPrivate bool
}

// DefaultUserAgent is sent when Options.UserAgent is empty.
const DefaultUserAgent = "storybot/0.1 (+https://github.com/storybot/storybot)"

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	return o
}

// Client fetches URLs. It is safe for concurrent use; concurrent requests
// to one host wait their turn.
type Client struct {
	opts    Options
	http    *http.Client
	gate    *hostGate
	private *Client // the sibling that may reach private addresses
}

// New returns a Client configured by o.
func New(o Options) *Client {
	o = o.withDefaults()
	gate := newHostGate(o.HostDelay)
	c := newClient(o, gate)
	c.private = c
	if !o.AllowPrivate {
		po := o
		po.AllowPrivate = true
		c.private = newClient(po, gate)
	}
	return c
}

func newClient(o Options, gate *hostGate) *Client {
	tr := &http.Transport{
		Proxy:               nil, // a proxy would hide the real destination from the dial guard
		DialContext:         dialer(o.AllowPrivate).DialContext,
		DisableCompression:  true, // we decompress ourselves, under the size limit
		TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     90 * time.Second,
	}
	c := &Client{opts: o, gate: gate}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// Private returns a client like c that may reach loopback, private and
// link-local addresses, sharing c's per-host turns: for the one source an
// operator marks allow_private, not for the others.
func (c *Client) Private() *Client { return c.private }

// Conditional carries validators from an earlier response for a
// conditional GET.
type Conditional struct {
	ETag, LastModified string
}

// Response is a fetched document.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	ContentType  string
	Body         []byte // raw bytes, decompressed but not charset-converted
	ETag         string
	LastModified string
	NotModified  bool // the server answered 304 to a conditional GET
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := checkScheme(req.URL); err != nil {
		return err
	}
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("more than %d redirects: %w", c.opts.MaxRedirects, ErrRedirectLoop)
	}
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("%s visited twice: %w", req.URL, ErrRedirectLoop)
		}
	}
	return nil
}

func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%q: %w", u.Scheme, ErrScheme)
	}
	return nil
}

// Get fetches rawURL. A 304 answer to cond yields NotModified and no
// error; any other status outside 2xx yields a *StatusError. The per-host
// turn is taken for rawURL's host only; redirect hops to other hosts do not
// queue. Waiting for the turn is bounded by ctx, not by Options.Timeout.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	release, err := c.gate.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: waiting for host: %w", rawURL, err)
	}
	defer release()

	tctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	resp, err := c.do(tctx, u, cond)
	if err != nil && tctx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
		return nil, &timeoutError{url: rawURL, after: c.opts.Timeout}
	}
	if err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", rawURL, err)
	}
	return resp, nil
}

func (c *Client) do(ctx context.Context, u *url.URL, cond Conditional) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	setHeaders(req.Header, c.opts.UserAgent, cond)
	hr, err := c.http.Do(req)
	var ue *url.Error
	if errors.As(err, &ue) {
		return nil, ue.Err // the URL is already in our own prefix
	}
	if err != nil {
		return nil, err
	}
	defer hr.Body.Close()

	r := &Response{
		URL:          hr.Request.URL.String(),
		Status:       hr.StatusCode,
		ContentType:  hr.Header.Get("Content-Type"),
		ETag:         hr.Header.Get("ETag"),
		LastModified: hr.Header.Get("Last-Modified"),
	}
	switch {
	case hr.StatusCode == http.StatusNotModified:
		r.NotModified = true
		return r, nil
	case hr.StatusCode < 200 || hr.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(hr.Body, 4<<10)) // lets the connection be reused
		return nil, &StatusError{URL: r.URL, Code: hr.StatusCode}
	}
	r.Body, err = c.readBody(hr)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func (c *Client) readBody(hr *http.Response) ([]byte, error) {
	body, err := decoder(hr.Body, hr.Header.Get("Content-Encoding"))
	if errors.Is(err, io.EOF) {
		return []byte{}, nil // an empty body labelled as compressed
	}
	if err != nil {
		return nil, err
	}
	defer body.Close()
	return readLimited(body, c.opts.MaxBytes)
}

func setHeaders(h http.Header, userAgent string, cond Conditional) {
	h.Set("User-Agent", userAgent)
	h.Set("Accept-Encoding", "gzip, deflate")
	h.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "+
		"application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if cond.ETag != "" {
		h.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		h.Set("If-Modified-Since", cond.LastModified)
	}
}
