package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what the page says about itself outside the article body.
type pageMeta struct {
	// title is the social-card title (og:, twitter:), which carries no
	// site-name suffix; fallbackTitle is the first <h1> or the <title>.
	title, fallbackTitle, byline string
	published                    time.Time
	// siteName is the outlet: og:site_name, else the JSON-LD publisher.
	siteName string
}

// dateMetaKeys are meta name/property values that carry the publication
// time, most specific first.
var dateMetaKeys = []string{
	"article:published_time", "article:published", "og:published_time", "og:article:published_time",
	"datepublished", "parsely-pub-date", "sailthru.date", "pubdate",
	"publishdate", "publish-date", "dc.date.issued", "dcterms.created", "date",
}

// authorMetaKeys are meta name/property values that carry the author.
var authorMetaKeys = []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator"}

// readMeta gathers title, author and publication time from meta tags,
// JSON-LD and <time> elements.
func readMeta(doc *html.Node) pageMeta {
	metas := map[string]string{}
	var ld []string
	var docTitle, h1, timeAttr, domByline string
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			keys := strings.Fields(strings.ToLower(attr(n, "property") + " " + attr(n, "name") + " " + attr(n, "itemprop")))
			for _, key := range keys {
				if _, seen := metas[key]; !seen {
					metas[key] = content
				}
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				ld = append(ld, n.FirstChild.Data)
			}
		case atom.Title:
			docTitle = firstNonEmpty(docTitle, textOf(n))
		case atom.H1:
			h1 = firstNonEmpty(h1, textOf(n))
		case atom.A, atom.Span, atom.Div, atom.P, atom.Address:
			if domByline == "" && isBylineElement(n) {
				if t := textOf(n); len(t) > 2 && len(t) <= 100 {
					domByline = t
				}
			}
		case atom.Time:
			timeAttr = firstNonEmpty(timeAttr, attr(n, "datetime"))
		}
		return true
	})
	m := pageMeta{
		title:         clip(firstNonEmpty(metas["og:title"], metas["twitter:title"])),
		fallbackTitle: clip(firstNonEmpty(h1, docTitle)),
	}
	lds := jsonLDArticle(ld)
	m.siteName = clip(firstNonEmpty(metas["og:site_name"], lds.publisher))
	for _, k := range authorMetaKeys {
		if v := metas[k]; v != "" && !strings.HasPrefix(v, "http") {
			m.byline = v
			break
		}
	}
	m.byline = firstNonEmpty(lds.author, m.byline, domByline)
	for _, k := range dateMetaKeys {
		if t, ok := parseTime(metas[k]); ok {
			m.published = t
			break
		}
	}
	if t, ok := parseTime(lds.published); ok && m.published.IsZero() {
		m.published = t
	}
	if t, ok := parseTime(timeAttr); ok && m.published.IsZero() {
		m.published = t
	}
	return m
}

// bylineClass matches class or id words of an author line.
var bylineClass = regexp.MustCompile(`(^|[^a-z])(byline|author|auteur|autor|writer)`)

// isBylineElement reports whether n is marked up as the author line.
func isBylineElement(n *html.Node) bool {
	return attr(n, "rel") == "author" || attr(n, "itemprop") == "author" ||
		bylineClass.MatchString(splitCamel(attr(n, "class")+" "+attr(n, "id")))
}

// ldArticle is the part of a schema.org article we read from JSON-LD.
type ldArticle struct {
	author, published, publisher string
}

// jsonLDArticle finds the first JSON-LD object with a datePublished, looking
// inside arrays and @graph lists.
func jsonLDArticle(scripts []string) ldArticle {
	var found ldArticle
	for _, s := range scripts {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			continue
		}
		visitLD(v, 0, &found)
		if found.published != "" {
			break
		}
	}
	return found
}

func visitLD(v any, depth int, found *ldArticle) {
	if depth > 8 || found.published != "" {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			visitLD(e, depth+1, found)
		}
	case map[string]any:
		if d, ok := x["datePublished"].(string); ok && validTime(d) {
			found.published = d
			found.author = ldName(x["author"], 0)
			found.publisher = ldName(x["publisher"], 0)
			return
		}
		visitLD(x["@graph"], depth+1, found)
	}
}

// ldName renders a JSON-LD author (a string, a Person, or a list of them).
func ldName(v any, depth int) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		name, _ := x["name"].(string)
		return name
	case []any:
		var names []string
		for _, e := range x {
			if n := ldName(e, depth+1); n != "" && depth < 2 {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func validTime(s string) bool {
	_, ok := parseTime(s)
	return ok
}

// timeLayouts are the date formats seen in meta tags and JSON-LD.
var timeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02 15:04",
	"2006-01-02", "20060102", time.RFC1123, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006", "Jan 2, 2006", "2 January 2006",
}

// parseTime parses s in one of timeLayouts and returns it in UTC.
func parseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil && t.Year() > 1990 {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// clip normalises a title and bounds its length.
func clip(s string) string {
	s = normalizeSpace(s)
	if r := []rune(s); len(r) > 300 {
		s = string(r[:300])
	}
	return s
}

// bylinePrefix is the "By" that opens an author line, in a few languages.
var bylinePrefix = regexp.MustCompile(`(?i)^(by|par|von|por|di|door)\s+`)

// bylineTail is where a byline runs on into a date or a separator.
var bylineTail = regexp.MustCompile(`(?i)\s*(\||•|·|\b(published|updated|posted)\b|\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}, \d{4}).*$`)

// cleanByline strips a leading "By" and surrounding whitespace from an
// author line, and rejects lines too long to be a name list.
func cleanByline(s string) string {
	s = normalizeSpace(s)
	s = bylinePrefix.ReplaceAllString(s, "")
	if loc := bylineTail.FindStringIndex(s); loc != nil {
		s = strings.TrimSpace(s[:loc[0]])
	}
	if len([]rune(s)) > 200 {
		return ""
	}
	return s
}
