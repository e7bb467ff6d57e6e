package quotes

import "testing"

func TestMatches(t *testing.T) {
	tests := []struct {
		query, name, role string
		want              bool
	}{
		{"Rudd", "Amber Rudd", "Home Secretary", true},
		{"Amber Rudd", "Amber Rudd", "Home Secretary", true},
		{"Home Secretary Amber Rudd", "Amber Rudd", "Home Secretary", true},
		{"Home Secretary Amber Rudd", "Amber Rudd", "", true},
		{"Amber Rudd", "Ms Rudd", "", true},
		{"amber  RUDD", "Amber Rudd", "", true},
		{"Home Secretary", "Amber Rudd", "Home Secretary", true},
		{"Kevin Rudd", "Amber Rudd", "Home Secretary", false},
		{"Home Secretary Amber Rudd", "Theresa May", "Prime Minister", false},
		{"Rudd", "Theresa May", "Prime Minister", false},
		{"Police", "National Police Chiefs' Council", "", true},
		{"National Police Chiefs Council", "National Police Chiefs' Council", "", true},
		{"Mr Trump", "Donald Trump", "President", true},
		{"Donald Trump", "Donald Trump Jr", "", true}, // a longer name may be another person: person() decides
		{"O'Driscoll", "Brian O'Driscoll", "", true},
		{"", "Amber Rudd", "", false},
		{"Rudd", "", "Home Secretary", false},
	}
	for _, tt := range tests {
		if got := matches(words(tt.query), tt.name, tt.role); got != tt.want {
			t.Errorf("matches(%q, %q, %q) = %v, want %v", tt.query, tt.name, tt.role, got, tt.want)
		}
	}
}
