package extract

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropTags are elements that never hold article prose.
var dropTags = map[atom.Atom]bool{
	atom.Aside: true, atom.Nav: true, atom.Figcaption: true, atom.Noscript: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Template: true,
	atom.Dialog: true, atom.Select: true, atom.Input: true, atom.Textarea: true,
	atom.Label: true, atom.Style: true, atom.Object: true, atom.Embed: true,
	atom.Video: true, atom.Audio: true, atom.Canvas: true,
}

// boilerClass matches class and id words of page furniture: share bars,
// newsletter boxes, captions and credits, related and promoted links.
// It matches at the start of a word, so "share-bar" and "related-links"
// match but "shared" inside "unshared" does not.
var boilerClass = regexp.MustCompile(`(^|[^a-z])(share|sharing|social|newsletter|subscri|signup|sign-up|related|recirc|recommend|promo|advert|sponsor|outbrain|taboola|caption|credit|breadcrumb|comment|more-stor|read-more|readmore|most-read|most-popular|trending|toolbar|modal|popup|cookie|paywall|hidden|visually-hidden|sr-only|screen-reader|byline|author|timestamp|dateline|published|tags|tag-list|topics|disclaimer|inline-cta|newsletter|print-only)`)

// adClass matches advertising class words, which are too short for the
// prefix rule ("ad" would match "address").
var adClass = regexp.MustCompile(`(^|[^a-z])(ad|ads|adslot|ad-slot|ad-container|dfp|gpt)([^a-z]|$)`)

// hiddenStyle matches inline styles that hide an element.
var hiddenStyle = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden`)

// prune removes page furniture from the body of doc before readability
// scores it. Metadata in <head> and JSON-LD scripts are left alone.
func prune(doc *html.Node) {
	var doomed []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.CommentNode {
			doomed = append(doomed, n)
			return false
		}
		if n.Type != html.ElementNode || n.DataAtom == atom.Head {
			return n.DataAtom != atom.Head
		}
		if isFurniture(n) {
			doomed = append(doomed, n)
			return false
		}
		return true
	})
	for _, n := range doomed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// isFurniture reports whether element n is not part of the article text.
func isFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	case atom.Figure:
		return len(textOf(n)) < 400 || isBoilerClass(n)
	}
	if dropTags[n.DataAtom] {
		return true
	}
	return (n.DataAtom == atom.Form || isHidden(n) || isBoilerClass(n)) && !hasProse(n)
}

func isHidden(n *html.Node) bool {
	return hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" ||
		hiddenStyle.MatchString(attr(n, "style"))
}

func isBoilerClass(n *html.Node) bool {
	names := splitCamel(attr(n, "class") + " " + attr(n, "id"))
	if strings.TrimSpace(names) == "" {
		return false
	}
	return boilerClass.MatchString(names) || adClass.MatchString(names)
}

// hasProse reports whether n holds several paragraphs of text outside
// links, enough to be (or contain) the article itself. It protects
// containers whose class merely mentions sharing or "read more".
func hasProse(n *html.Node) bool {
	long := 0
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			if len(plainText(c)) >= proseChars {
				long++
			}
			return false
		}
		return long < proseParas
	})
	return long >= proseParas
}

// A container with proseParas paragraphs of proseChars non-link characters
// holds article text, not furniture.
const (
	proseParas = 3
	proseChars = 100
)

// plainText is the text of n outside links.
func plainText(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			return false
		}
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
		}
		return true
	})
	return strings.TrimSpace(sb.String())
}

// camelBoundary finds a lower-case letter or digit followed by an upper-case one.
var camelBoundary = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// splitCamel lower-cases class names, turning camelCase into kebab-case so
// that "newsCaption" reads as "news-caption".
func splitCamel(s string) string {
	return strings.ToLower(camelBoundary.ReplaceAllString(s, "$1-$2"))
}
