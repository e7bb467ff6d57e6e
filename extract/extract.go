// Package extract turns a web page or an HTML fragment into article text:
// a title, byline, publication time and a list of clean paragraphs.
//
// It builds on go-readability (a port of Mozilla's Readability.js): the
// page is pre-cleaned (captions, share bars, newsletter boxes, related
// lists, hidden elements) before readability picks the main content, and
// the paragraphs it returns are post-filtered for boilerplate lines.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"storybot/article"
)

// ErrNoArticle is returned when a page holds no article text: it is empty,
// binary, or only navigation and links.
var ErrNoArticle = errors.New("extract: no article text")

// Article is what the extractor makes of one page.
type Article struct {
	Title      string
	Byline     string
	Published  time.Time
	SiteName   string // the outlet: og:site_name or the JSON-LD publisher
	Paragraphs []string
}

// maxElements bounds the work readability does on a single page; real
// article pages have a few thousand elements.
const maxElements = 150_000

// Extract extracts the article from an HTML page. The page may be in any
// charset it declares (or Windows-1252 when it is not valid UTF-8); pageURL
// may be nil.
func Extract(page []byte, pageURL *url.URL) (Article, error) {
	if looksBinary(page) {
		return Article{}, fmt.Errorf("%w: binary content", ErrNoArticle)
	}
	doc, err := html.Parse(bytes.NewReader(toUTF8(page)))
	if err != nil {
		return Article{}, fmt.Errorf("extract: parse html: %w", err)
	}
	limitDepth(doc, maxDepth)
	if n := countElements(doc, maxElements+1); n > maxElements {
		return Article{}, fmt.Errorf("extract: page too large: over %d elements", maxElements)
	}
	meta := readMeta(doc)
	a, err := fromDocument(doc, pageURL, meta, true)
	if errors.Is(err, ErrNoArticle) {
		// Pre-cleaning can misjudge a page's markup; a plain readability pass
		// on a fresh parse is the safety net.
		if doc, perr := html.Parse(bytes.NewReader(toUTF8(page))); perr == nil {
			limitDepth(doc, maxDepth)
			a, err = fromDocument(doc, pageURL, meta, false)
		}
	}
	return a, err
}

// fromDocument runs readability over doc, pre-cleaned when prune is set,
// and assembles the Article with meta as fallback metadata.
func fromDocument(doc *html.Node, pageURL *url.URL, meta pageMeta, pruned bool) (Article, error) {
	if pruned {
		prune(doc)
	}
	parser := readability.NewParser()
	ra, err := parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return Article{}, fmt.Errorf("extract: readability: %w", err)
	}
	a := Article{
		Title:     firstNonEmpty(meta.title, clip(ra.Title()), meta.fallbackTitle),
		Byline:    cleanByline(firstNonEmpty(meta.byline, ra.Byline())),
		Published: meta.published,
		SiteName:  firstNonEmpty(meta.siteName, clip(ra.SiteName())),
	}
	if t, err := ra.PublishedTime(); a.Published.IsZero() && err == nil {
		a.Published = t.UTC()
	}
	if ra.Node != nil {
		a.Paragraphs = Clean(paragraphs(ra.Node))
	}
	if !hasArticleText(a.Paragraphs) {
		return a, ErrNoArticle
	}
	return a, nil
}

// hasArticleText reports whether paragraphs amount to some prose rather
// than a few stray labels. Words are counted as article.Words does, so
// Chinese or Japanese text is measured by its characters.
func hasArticleText(paras []string) bool {
	words := 0
	for _, p := range paras {
		words += article.Words(p)
	}
	return words >= 25
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
