package feed

import (
	"bytes"
	"regexp"
)

var (
	htmlStart = regexp.MustCompile(`(?i)^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b`)
	feedRoot  = regexp.MustCompile(`<(?:[a-zA-Z0-9]+:)?(?:rss|feed|RDF)\b`)
)

// sniff names what body looks like when it is clearly not a feed, and
// returns "" when it may be one. body is UTF-8 with leading space trimmed.
func sniff(body []byte) string {
	head := body[:min(len(body), 1024)]
	switch {
	case bytes.IndexByte(head, 0) >= 0 || controlBytes(head) > len(head)/20:
		return "binary data"
	case htmlStart.Match(head) && !feedRoot.Match(head):
		return "an HTML page"
	case head[0] != '<' && head[0] != '{':
		return "plain text"
	}
	return ""
}

// controlBytes counts C0 control bytes other than tab, CR and LF.
func controlBytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' {
			n++
		}
	}
	return n
}

// describeUnknown names a body that gofeed could not place.
func describeUnknown(body []byte) string {
	if body[0] == '{' || body[0] == '[' {
		return "JSON without a JSON Feed version"
	}
	return "XML with no rss, feed or RDF root element"
}
