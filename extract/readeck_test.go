package extract

import (
	"bytes"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
)

// readeckText is the baseline: go-readability's own text rendering, untouched.
func readeckText(page []byte, u *url.URL) string {
	parser := readability.NewParser()
	a, err := parser.Parse(bytes.NewReader(page), u)
	if err != nil || a.Node == nil {
		return ""
	}
	var sb strings.Builder
	if err := a.RenderText(&sb); err != nil {
		return ""
	}
	return sb.String()
}
