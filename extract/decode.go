package extract

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// looksBinary reports whether the start of page is not text: NUL bytes or
// many control characters mean an image, archive or other binary file that
// was served as HTML.
func looksBinary(page []byte) bool {
	head := page[:min(len(page), 4096)]
	if hasUTF16BOM(head) {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			controls++
		}
	}
	return controls*20 > len(head)
}

func hasUTF16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE})
}

// toUTF8 returns page as UTF-8. A byte-order mark wins; otherwise valid
// UTF-8 is taken as it is, whatever the page declares (legacy declarations
// on re-encoded pages are common, and valid UTF-8 with high bytes is almost
// never genuine Latin-1). Anything else is decoded with the declared
// charset, or Windows-1252 when none is declared. Bytes that are still
// not UTF-8 become U+FFFD: a page whose first kilobyte is UTF-8 is
// sniffed as UTF-8, and that decoder passes the rest through untouched.
func toUTF8(page []byte) []byte {
	out, utf8BOM := bytes.CutPrefix(page, []byte("\xEF\xBB\xBF"))
	if !utf8BOM && (hasUTF16BOM(page) || !utf8.Valid(page)) {
		enc, _, _ := charset.DetermineEncoding(page, "")
		var err error
		if out, err = enc.NewDecoder().Bytes(page); err != nil {
			out = page
		}
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out
}
