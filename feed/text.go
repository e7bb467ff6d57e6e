package feed

import (
	"strings"

	"golang.org/x/net/html"
)

// cleanText turns a title-like field into plain text: markup dropped,
// entities decoded (also when a feed escaped them twice), whitespace
// collapsed and trimmed.
func cleanText(s string) string {
	for range 2 { // a second pass decodes "&amp;amp;" left by double escaping
		if !strings.ContainsAny(s, "<&") {
			break
		}
		s = plainText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// breaking lists the elements that separate words; inline ones such as
// <b> must not, or "<b>Foo</b>'s" would read "Foo 's".
var breaking = map[string]bool{"br": true, "p": true, "div": true, "li": true,
	"tr": true, "td": true, "h1": true, "h2": true, "h3": true, "h4": true, "hr": true}

// plainText keeps the text tokens of an HTML fragment, decoded.
func plainText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			if name, _ := z.TagName(); breaking[string(name)] {
				b.WriteByte(' ') // "a<br>b" must not become "ab"
			}
		}
	}
}
