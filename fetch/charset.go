package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
	metaCS  = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)`)
)

// ToUTF8 converts body to UTF-8. The charset comes from, in order: a byte
// order mark, the Content-Type header, an XML declaration, an HTML meta
// tag. With none of those, valid UTF-8 is kept and anything else is read as
// windows-1252 (a superset of Latin-1 for printable text). An XML
// declaration's encoding is rewritten to UTF-8 so that an XML parser does
// not decode the text a second time, nor refuse a name it does not know.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	enc, name := declared(body, contentType)
	if enc == nil {
		if utf8.Valid(body) { // a declaration naming no charset known here is rewritten too
			return rewriteXMLDecl(body), nil
		}
		enc, name = charmap.Windows1252, "windows-1252"
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("fetch: decode %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	return rewriteXMLDecl(bytes.ToValidUTF8(out, []byte("\uFFFD"))), nil
}

// declared returns the encoding body says it uses, or nil.
func declared(body []byte, contentType string) (encoding.Encoding, string) {
	if e, name, ok := bomEncoding(body); ok {
		return e, name
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, name := charset.Lookup(params["charset"]); e != nil {
			return e, name
		}
	}
	head := body[:min(len(body), 1024)]
	for _, re := range []*regexp.Regexp{xmlDecl, metaCS} {
		if m := re.FindSubmatch(head); m != nil {
			if e, name := charset.Lookup(string(m[1])); e != nil {
				return e, name
			}
		}
	}
	return nil, ""
}

func bomEncoding(b []byte) (encoding.Encoding, string, bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, "utf-8", true
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", true
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", true
	}
	return nil, "", false
}

// rewriteXMLDecl replaces the encoding named in a leading XML declaration
// with UTF-8.
func rewriteXMLDecl(b []byte) []byte {
	loc := xmlDecl.FindSubmatchIndex(b[:min(len(b), 1024)])
	if loc == nil || bytes.EqualFold(b[loc[2]:loc[3]], []byte("utf-8")) {
		return b
	}
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, b[loc[3]:]...)
}
