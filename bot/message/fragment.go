package message

import (
	"net/url"
	"strings"
)

// fragmentWords is how many opening words of a passage a text fragment
// quotes: enough to be unique on the page, short enough to survive small
// differences between the page and the extracted text.
const fragmentWords = 8

// PassageLink returns a link to the passage itself on its web page: the
// page URL with a text fragment (#:~:text=) of the passage's opening words,
// which browsers scroll to and highlight. It returns "" for anything but an
// http(s) URL. The result is safe inside a Markdown link: parentheses and
// spaces are percent-encoded.
func PassageLink(rawURL, passage string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	link := markdownSafeURL(u.String())
	words := strings.Fields(passage)
	if len(words) == 0 {
		return link
	}
	if len(words) > fragmentWords {
		words = words[:fragmentWords]
	}
	return link + "#:~:text=" + encodeTextDirective(strings.Join(words, " "))
}

// PageLink returns rawURL if it is an http(s) URL, made safe inside a
// Markdown link, else "".
func PageLink(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return markdownSafeURL(u.String())
}

var urlInMarkdown = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

func markdownSafeURL(s string) string { return urlInMarkdown.Replace(s) }

// encodeTextDirective percent-encodes s for a text directive. The URL
// Fragment Text Directives spec requires '-', '&' and ',' to be encoded
// (they delimit prefix, suffix and range); everything but letters, digits
// and ". ~" is encoded here, which also keeps the link valid Markdown.
func encodeTextDirective(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
