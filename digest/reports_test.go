package digest

import (
	"os"
	"path/filepath"
)

// The three short reports of neardup's tests (neardup/testdata/reports): a
// wire story, the same story as a second outlet ran it (new intro wording,
// a few words changed, the last sentence cut), and a different event on
// the same topic.
var (
	wire      = report("wire")
	rewritten = report("rewritten")
	sameTopic = report("same-topic")
)

func report(name string) string {
	b, err := os.ReadFile(filepath.Join("..", "neardup", "testdata", "reports", name+".txt"))
	if err != nil {
		panic(err)
	}
	return string(b)
}
