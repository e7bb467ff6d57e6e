package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// printable removes what a terminal would act on instead of showing: C0
// and C1 control characters (an ESC sequence in a title could retitle the
// terminal or move the cursor) except newline and tab, and the bidi
// controls that reorder the text around them.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}

// escapeC1 rewrites the C1 control characters and DEL that encoding/json
// leaves raw as \u escapes: the same JSON data, safe on a terminal.
func escapeC1(js []byte) []byte {
	if !bytes.ContainsFunc(js, isC1) {
		return js
	}
	var b bytes.Buffer
	for _, r := range string(js) {
		if isC1(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

func isC1(r rune) bool { return r == 0x7f || r >= 0x80 && r <= 0x9f }

// printableWriter passes text on through printable.
type printableWriter struct{ w io.Writer }

func (p printableWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, printable(string(b))); err != nil {
		return 0, err
	}
	return len(b), nil
}
