package answer

import "strings"

// places are the countries of the world and the states of the US, the
// answers "which country", "which state" and "where" most often want.
var places = placeSet(`Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
Azerbaijan Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
Botswana Brazil Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada Chad Chile China
Colombia Comoros Congo Costa_Rica Croatia Cuba Cyprus Czech_Republic Czechia Denmark Djibouti Dominica
Dominican_Republic Ecuador Egypt El_Salvador Eritrea Estonia Eswatini Ethiopia Fiji Finland France
Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary
Iceland India Indonesia Iran Iraq Ireland Israel Italy Ivory_Coast Jamaica Japan Jordan Kazakhstan
Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein
Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands
Holland New_Zealand Nicaragua Niger Nigeria North_Korea North_Macedonia Norway Oman Pakistan Palau
Palestine Panama Papua_New_Guinea Paraguay Peru Philippines Poland Portugal Qatar Romania Russia
Rwanda Samoa San_Marino Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia
Slovenia Somalia South_Africa South_Korea South_Sudan Spain Sri_Lanka Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia Turkey Turkmenistan
Tuvalu Uganda Ukraine United_Arab_Emirates UAE United_Kingdom UK Britain England Scotland Wales
Northern_Ireland United_States US USA America Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen
Zambia Zimbabwe Hong_Kong Greenland Puerto_Rico
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota
Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York
North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina
South_Dakota Tennessee Texas Utah Vermont Virginia Washington West_Virginia Wisconsin Wyoming`)

// placeSet reads names separated by spaces, words of one name joined by _.
func placeSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[strings.ReplaceAll(f, "_", " ")] = true
	}
	return m
}
