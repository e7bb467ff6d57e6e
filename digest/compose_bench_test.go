package digest

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkCompose200 composes a digest of 200 matched articles of about
// 400 words each, the size of a busy day on a broad story.
func BenchmarkCompose200(b *testing.B) {
	items := make([]Item, 200)
	for i := range items {
		var w []string
		for k := range 400 {
			w = append(w, fmt.Sprintf("w%d", (i*37+k*k)%5000))
		}
		items[i] = item(fmt.Sprint(i), fmt.Sprintf("s%d", i%7), i%24, 1, strings.Join(w, " "))
	}
	b.ResetTimer()
	for b.Loop() {
		Compose(Digest{}, items, 10)
	}
}
