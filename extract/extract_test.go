package extract

import (
	"strings"
	"testing"
)

// TestExtractFallback covers a page whose only text sits in a container the
// pre-cleaning takes for furniture: plain readability must still find it.
func TestExtractFallback(t *testing.T) {
	para := "<p>" + strings.Repeat("The river authority said the new flood gates would be finished before the autumn storms. ", 4) + "</p>"
	page := `<html><body><div class="promo-wrapper">` + para + para + `</div></body></html>`
	a, err := Extract([]byte(page), nil)
	if err != nil {
		t.Fatalf("Extract() error = %v, want the promo-wrapped text", err)
	}
	if got := strings.Join(a.Paragraphs, " "); !strings.Contains(got, "flood gates") {
		t.Errorf("Extract() text = %q, want the flood gates paragraph", got)
	}
}
