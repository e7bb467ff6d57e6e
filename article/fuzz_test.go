package article

import (
	"testing"
)

// FuzzCanonicalURL canonicalises any text: no panic, and a canonical URL
// is its own canonical form, so one document keeps one ID.
func FuzzCanonicalURL(f *testing.F) {
	for _, u := range []string{"https://News.Example:443/a/b?utm_source=x&b=2&a=1#frag",
		"http://example.com", "HTTP://EXAMPLE.COM:80/?fbclid=1", "https://example.com/a%20b?q=a+b",
		"file:///tmp/a.txt", "//host/path", "https://[::1]:8080/x", "mailto:x@example.com", "%zz", ""} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		c, err := CanonicalURL(raw)
		if err != nil {
			return
		}
		again, err := CanonicalURL(c)
		if err != nil {
			t.Fatalf("CanonicalURL(%q) = %q, which fails: %v", raw, c, err)
		}
		if again != c {
			t.Fatalf("CanonicalURL(%q) = %q, but CanonicalURL(%q) = %q", raw, c, c, again)
		}
	})
}

// FuzzContentHash checks ContentHash against the copying form stored
// hashes were made with.
func FuzzContentHash(f *testing.F) {
	for _, s := range []string{"", "A  b", " Théâtre\u00a0ÉTÉ ", "İ\xffÇ\u0085", "\u3000x\u200by"} {
		f.Add(s, s+" Second")
	}
	f.Fuzz(func(t *testing.T, title, para string) {
		if got, want := ContentHash(title, []string{para, title}), contentHashBefore(title, []string{para, title}); got != want {
			t.Fatalf("ContentHash(%q, %q) = %s, want %s", title, para, got, want)
		}
	})
}
