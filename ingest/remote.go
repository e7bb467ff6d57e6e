package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sort"
	"time"

	"storybot/article"
	"storybot/extract"
	"storybot/feed"
	"storybot/fetch"
	"storybot/internal/parallel"
	"storybot/store"
)

// ingestURL fetches a feed or a page. A feed is fetched conditionally, with
// the validators of its last fetch.
func (in *Ingester) ingestURL(ctx context.Context, src Source, st *store.SourceState, p Progress) Summary {
	var cond fetch.Conditional
	if src.Kind != KindPage {
		cond = fetch.Conditional{ETag: st.ETag, LastModified: st.LastModified}
	}
	resp, err := in.get(ctx, src, src.Target, cond)
	if err != nil {
		return failed(err)
	}
	if resp.NotModified {
		in.log.Info("ingest: feed not modified", "source", src.Name)
		return Summary{}
	}
	if src.Kind != KindPage {
		f, err := feed.Parse(resp.Body, resp.URL)
		if err == nil {
			st.ETag, st.LastModified = resp.ETag, resp.LastModified
			return in.ingestFeed(ctx, src, f, p)
		}
		if src.Kind == KindFeed || !errors.Is(err, feed.ErrNotFeed) {
			return failed(err)
		}
	}
	p.Grow(1)
	defer p.Done(1)
	a, err := in.pageArticle(resp, src.Name)
	if err != nil {
		return failed(err)
	}
	a.Outlet = firstNonEmpty(src.Outlet, a.Outlet)
	return in.saveMany(ctx, []article.Article{a})
}

// get fetches u for src with retries on errors worth retrying (5xx, 429,
// timeouts, dropped connections), waiting longer each time. Only a source
// marked AllowPrivate may reach private addresses.
func (in *Ingester) get(ctx context.Context, src Source, u string, cond fetch.Conditional) (*fetch.Response, error) {
	client := in.fetch
	if src.AllowPrivate {
		client = in.fetch.Private()
	}
	wait := in.opts.RetryBackoff
	for attempt := 0; ; attempt++ {
		resp, err := client.Get(ctx, u, cond)
		if err == nil || attempt >= in.opts.Retries || !fetch.Retryable(err) {
			return resp, err
		}
		in.log.Info("ingest: retrying", "url", u, "attempt", attempt+1, "error", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, err
		}
		wait *= 2
	}
}

// pageArticle extracts the article of a fetched page; a panic in the
// extractor fails this page only.
func (in *Ingester) pageArticle(resp *fetch.Response, source string) (a article.Article, err error) {
	defer catch(&err, resp.URL)
	u, _ := url.Parse(resp.URL)
	x, err := in.extract(resp.Body, u)
	if err != nil {
		return article.Article{}, err
	}
	return article.Article{URL: resp.URL, Source: source, Outlet: x.SiteName, Title: x.Title, Author: x.Byline,
		Published: x.Published, Fetched: time.Now().UTC(), Paragraphs: x.Paragraphs}, nil
}

// feedBatch is how many of a feed's articles are stored in one transaction
// and indexed in one batch: one batch per item leaves bleve merging hundreds
// of tiny segments.
const feedBatch = 25

// ingestFeed stores the newest items of a feed, a batch at a time. An item
// already stored and not updated since is not fetched again; otherwise its
// page is fetched and extracted, falling back to the feed's own text when
// the page fails. The items of a batch are read on all cores (fetches to
// one host still take turns), then stored together.
func (in *Ingester) ingestFeed(ctx context.Context, src Source, f *feed.Feed, p Progress) Summary {
	items := append([]feed.Item(nil), f.Items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Published.After(items[j].Published) })
	if len(items) > in.opts.PagesPerFeed {
		items = items[:in.opts.PagesPerFeed]
	}
	p.Grow(len(items))
	var s Summary
	for start := 0; start < len(items) && ctx.Err() == nil; start += feedBatch {
		part := items[start:min(start+feedBatch, len(items))]
		arts := make([]article.Article, len(part))
		errs := make([]error, len(part))
		parallel.For(len(part), func(i int) {
			if errs[i] = ctx.Err(); errs[i] == nil {
				arts[i], errs[i] = in.itemArticle(ctx, src, f.Title, part[i])
			}
		})
		if ctx.Err() != nil {
			break // a batch cut short is not stored: the next run reads it again
		}
		var batch []article.Article
		for i, err := range errs {
			if err != nil {
				s.count(0, 0, err, firstNonEmpty(part[i].Link, part[i].GUID, part[i].Title))
				p.Done(1)
				continue
			}
			batch = append(batch, arts[i])
		}
		s.add(in.saveMany(ctx, batch))
		p.Done(len(batch))
	}
	if err := ctx.Err(); err != nil {
		s.Errors = append(s.Errors, err)
	}
	return s
}

// itemArticle returns the article of a feed item: the stored one when the
// item has not changed since it was fetched, else its page, extracted. Its
// outlet is the source's display name, else the page's site name, else the
// feed's title. A panic fails this item only.
func (in *Ingester) itemArticle(ctx context.Context, src Source, feedTitle string, it feed.Item) (a article.Article, err error) {
	defer catch(&err, firstNonEmpty(it.Link, it.GUID, it.Title))
	link := firstNonEmpty(it.Link, webGUID(it.GUID))
	if link == "" {
		return article.Article{}, errors.New("item has no link")
	}
	canon, err := article.CanonicalURL(link)
	if err != nil {
		return article.Article{}, err
	}
	if old, err := in.store.ArticleByURL(ctx, canon); err == nil && !it.Published.After(old.Fetched) {
		return old, nil
	}
	a = article.Article{URL: canon, Source: src.Name, Outlet: firstNonEmpty(src.Outlet, clip(feedTitle, 200)),
		Title: clip(it.Title, 500), Author: it.Author, Published: it.Published, Fetched: time.Now().UTC()}
	resp, err := in.get(ctx, src, link, fetch.Conditional{})
	var x article.Article
	if err == nil {
		x, err = in.pageArticle(resp, src.Name)
	}
	if err == nil {
		a.Paragraphs = x.Paragraphs
		a.Outlet = firstNonEmpty(src.Outlet, x.Outlet, a.Outlet)
		a.Title = firstNonEmpty(a.Title, x.Title)
		a.Author = firstNonEmpty(a.Author, x.Author)
		if a.Published.IsZero() {
			a.Published = x.Published
		}
		return a, nil
	}
	a.Paragraphs = extract.Clean(extract.Fragment(it.Content))
	if len(a.Paragraphs) == 0 {
		return article.Article{}, fmt.Errorf("page failed (%w) and the feed has no text for it", err)
	}
	in.log.Warn("ingest: page unavailable, using the feed's text", "source", src.Name, "url", link, "error", err)
	return a, nil
}

// webGUID returns a GUID that is a web URL, else "".
func webGUID(g string) string {
	u, err := url.Parse(g)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return g
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
