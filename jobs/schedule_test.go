package jobs

import (
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		spec    string
		wantErr string // substring; "" means valid
	}{
		{"five fields", "*/15 * * * *", ""},
		{"daily at eight", "0 8 * * *", ""},
		{"every 15m", "@every 15m", ""},
		{"daily descriptor", "@daily", ""},
		{"zone prefix", "CRON_TZ=Europe/London 0 8 * * *", ""},
		{"short zone prefix", "TZ=America/New_York 30 6 * * 1-5", ""},
		{"zone with descriptor", "CRON_TZ=Asia/Tokyo @daily", ""},
		{"surrounding spaces", "  0 8 * * *  ", ""},
		{"empty", "", "empty spec"},
		{"four fields", "0 8 * *", "expected exactly 5 fields"},
		{"six fields", "0 0 8 * * *", "expected exactly 5 fields"},
		{"minute out of range", "61 8 * * *", "above maximum"},
		{"zone with no space", "CRON_TZ=Europe/London", "must be followed by a space"},
		{"TZ with no space", "TZ=Europe/London", "must be followed by a space"},
		{"zone glued to fields", "CRON_TZ=Europe/London0 8 * * *", `unknown time zone "Europe/London0"`},
		{"unknown zone", "CRON_TZ=Mars/Base 0 8 * * *", `unknown time zone "Mars/Base"`},
		{"empty zone", "CRON_TZ= 0 8 * * *", "no time zone name"},
		{"negative every", "@every -1m", "must be positive"},
		{"zero every", "@every 0s", "must be positive"},
		{"bad every", "@every fortnight", "bad @every duration"},
		{"unknown descriptor", "@sometimes", "unrecognized descriptor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(Schedule{Key: "schedule.digest", Spec: tt.spec})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.wantErr)
			}
			msg := err.Error()
			wantPrefix := `jobs: schedule.digest "` + tt.spec + `": `
			if !strings.HasPrefix(msg, wantPrefix) {
				t.Errorf("got %q, want prefix %q", msg, wantPrefix)
			}
			if !strings.Contains(msg, tt.wantErr) {
				t.Errorf("got %q, want it to contain %q", msg, tt.wantErr)
			}
		})
	}
}

func TestValidateNamesEveryBadKey(t *testing.T) {
	err := Validate(
		Schedule{Key: "schedule.ingest", Spec: "@every 15m"},
		Schedule{Key: "schedule.digest", Spec: "CRON_TZ=Europe/London"},
		Schedule{Key: "sources[3].schedule", Spec: "* * *"},
	)
	if err == nil {
		t.Fatal("got no error, want one")
	}
	msg := err.Error()
	for _, want := range []string{"schedule.digest", "sources[3].schedule"} {
		if !strings.Contains(msg, want) {
			t.Errorf("got %q, want it to name %s", msg, want)
		}
	}
	if strings.Contains(msg, "schedule.ingest") {
		t.Errorf("got %q, want the valid schedule.ingest not mentioned", msg)
	}
}
