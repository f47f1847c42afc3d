// General-purpose place lexicon: the world's countries (with their short forms and demonyms),
// US states, Canadian provinces and territories, major regions and major world cities, and the
// head words that make a name a place ("… Airport", "… Bridge", "Lake …").

/** `Country|other name|…|:demonym|demonym…` (a name after `:` is a demonym, never an entity). */
const COUNTRY_LINES = `
Afghanistan:Afghan|Afghans
Albania:Albanian|Albanians
Algeria:Algerian|Algerians
Andorra:Andorran
Angola:Angolan|Angolans
Antigua and Barbuda:Antiguan
Argentina:Argentine|Argentinian|Argentinians
Armenia:Armenian|Armenians
Australia:Australian|Australians|Aussie
Austria:Austrian|Austrians
Azerbaijan:Azerbaijani|Azeri
Bahamas|The Bahamas:Bahamian
Bahrain:Bahraini
Bangladesh:Bangladeshi|Bangladeshis
Barbados:Barbadian
Belarus:Belarusian|Belarusians
Belgium:Belgian|Belgians
Belize:Belizean
Benin:Beninese
Bhutan:Bhutanese
Bolivia:Bolivian|Bolivians
Bosnia and Herzegovina|Bosnia|Herzegovina:Bosnian|Bosnians
Botswana:Botswanan|Motswana
Brazil:Brazilian|Brazilians
Brunei:Bruneian
Bulgaria:Bulgarian|Bulgarians
Burkina Faso:Burkinabe
Burundi:Burundian
Cambodia:Cambodian|Cambodians
Cameroon:Cameroonian|Cameroonians
Canada:Canadian|Canadians
Cape Verde|Cabo Verde:Cape Verdean
Central African Republic:Central African
Chad:Chadian
Chile:Chilean|Chileans
China|People's Republic of China|PRC|Mainland China:Chinese
Colombia:Colombian|Colombians
Comoros:Comoran
Congo|Democratic Republic of the Congo|Republic of the Congo|DRC|DR Congo:Congolese
Costa Rica:Costa Rican
Croatia:Croatian|Croatians|Croat|Croats
Cuba:Cuban|Cubans
Cyprus:Cypriot|Cypriots
Czech Republic|Czechia:Czech|Czechs
Denmark:Danish|Dane|Danes
Djibouti:Djiboutian
Dominica|Dominican Republic:Dominican|Dominicans
East Timor|Timor-Leste:Timorese
Ecuador:Ecuadorian|Ecuadorians
Egypt:Egyptian|Egyptians
El Salvador:Salvadoran|Salvadorans
Equatorial Guinea:Equatoguinean
Eritrea:Eritrean|Eritreans
Estonia:Estonian|Estonians
Eswatini|Swaziland:Swazi
Ethiopia:Ethiopian|Ethiopians
Fiji:Fijian|Fijians
Finland:Finnish|Finn|Finns
France:French|Frenchman|Frenchmen|Frenchwoman
Gabon:Gabonese
Gambia|The Gambia:Gambian
Georgia:Georgian|Georgians
Germany:German|Germans
Ghana:Ghanaian|Ghanaians
Greece:Greek|Greeks|Hellenic
Grenada:Grenadian
Guatemala:Guatemalan|Guatemalans
Guinea|Guinea-Bissau:Guinean
Guyana:Guyanese
Haiti:Haitian|Haitians
Honduras:Honduran|Hondurans
Hungary:Hungarian|Hungarians
Iceland:Icelandic|Icelander|Icelanders
India:Indian|Indians
Indonesia:Indonesian|Indonesians
Iran:Iranian|Iranians|Persian
Iraq:Iraqi|Iraqis
Ireland|Republic of Ireland|Eire:Irish|Irishman
Israel:Israeli|Israelis
Italy:Italian|Italians
Ivory Coast|Côte d'Ivoire:Ivorian
Jamaica:Jamaican|Jamaicans
Japan:Japanese
Jordan:Jordanian|Jordanians
Kazakhstan:Kazakh|Kazakhs|Kazakhstani
Kenya:Kenyan|Kenyans
Kiribati:I-Kiribati
Kosovo:Kosovar|Kosovan
Kuwait:Kuwaiti|Kuwaitis
Kyrgyzstan:Kyrgyz
Laos:Lao|Laotian
Latvia:Latvian|Latvians
Lebanon:Lebanese
Lesotho:Basotho
Liberia:Liberian|Liberians
Libya:Libyan|Libyans
Liechtenstein:Liechtensteiner
Lithuania:Lithuanian|Lithuanians
Luxembourg:Luxembourgish|Luxembourger
Madagascar:Malagasy
Malawi:Malawian
Malaysia:Malaysian|Malaysians
Maldives:Maldivian
Mali:Malian
Malta:Maltese
Marshall Islands:Marshallese
Mauritania:Mauritanian
Mauritius:Mauritian
Mexico:Mexican|Mexicans
Micronesia:Micronesian
Moldova:Moldovan
Monaco:Monegasque
Mongolia:Mongolian|Mongolians|Mongol
Montenegro:Montenegrin
Morocco:Moroccan|Moroccans
Mozambique:Mozambican
Myanmar|Burma:Burmese
Namibia:Namibian
Nauru:Nauruan
Nepal:Nepali|Nepalese
Netherlands|The Netherlands|Holland:Dutch|Dutchman
New Zealand:New Zealander|New Zealanders|Kiwi|Kiwis
Nicaragua:Nicaraguan
Niger:Nigerien
Nigeria:Nigerian|Nigerians
North Korea|DPRK|Democratic People's Republic of Korea:North Korean|North Koreans
North Macedonia|Macedonia:Macedonian|Macedonians
Norway:Norwegian|Norwegians
Oman:Omani
Pakistan:Pakistani|Pakistanis
Palau:Palauan
Palestine|Palestinian Territories|Gaza|Gaza Strip|West Bank:Palestinian|Palestinians
Panama:Panamanian|Panamanians
Papua New Guinea:Papua New Guinean
Paraguay:Paraguayan
Peru:Peruvian|Peruvians
Philippines|The Philippines:Filipino|Filipinos|Filipina|Philippine
Poland:Polish|Pole|Poles
Portugal:Portuguese
Qatar:Qatari|Qataris
Romania:Romanian|Romanians
Russia|Russian Federation:Russian|Russians
Rwanda:Rwandan|Rwandans
Saint Kitts and Nevis:Kittitian
Saint Lucia:Saint Lucian
Saint Vincent and the Grenadines:Vincentian
Samoa:Samoan
San Marino:Sammarinese
Sao Tome and Principe:Santomean
Saudi Arabia|Saudi:Saudi Arabian|Saudis
Senegal:Senegalese
Serbia:Serbian|Serbians|Serb|Serbs
Seychelles:Seychellois
Sierra Leone:Sierra Leonean
Singapore:Singaporean|Singaporeans
Slovakia:Slovak|Slovakian
Slovenia:Slovenian|Slovene
Solomon Islands:Solomon Islander
Somalia:Somali|Somalis
South Africa:South African|South Africans
South Korea|Republic of Korea|ROK|Korea:Korean|Koreans|South Korean|South Koreans
South Sudan:South Sudanese
Spain:Spanish|Spaniard|Spaniards
Sri Lanka:Sri Lankan|Sri Lankans
Sudan:Sudanese
Suriname:Surinamese
Sweden:Swedish|Swede|Swedes
Switzerland:Swiss
Syria:Syrian|Syrians
Taiwan:Taiwanese
Tajikistan:Tajik|Tajiks
Tanzania:Tanzanian|Tanzanians
Thailand:Thai|Thais
Togo:Togolese
Tonga:Tongan
Trinidad and Tobago|Trinidad|Tobago:Trinidadian
Tunisia:Tunisian|Tunisians
Turkey|Türkiye:Turkish|Turk|Turks
Turkmenistan:Turkmen
Tuvalu:Tuvaluan
Uganda:Ugandan|Ugandans
Ukraine:Ukrainian|Ukrainians
United Arab Emirates|UAE|Emirates:Emirati|Emiratis
United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland:British|Briton|Britons|English|Englishman|Scottish|Scot|Scots|Welsh|Northern Irish
United States|United States of America|US|U.S.|USA|U.S.A.|America:American|Americans
Uruguay:Uruguayan
Uzbekistan:Uzbek|Uzbeks
Vanuatu:Ni-Vanuatu
Vatican|Vatican City|Holy See:Vatican
Venezuela:Venezuelan|Venezuelans
Vietnam|Viet Nam:Vietnamese
Yemen:Yemeni|Yemenis
Zambia:Zambian|Zambians
Zimbabwe:Zimbabwean|Zimbabweans
Hong Kong:Hongkonger|Hongkongers
Macau|Macao:Macanese
Puerto Rico:Puerto Rican|Puerto Ricans
Greenland:Greenlandic
Tibet:Tibetan|Tibetans
Kurdistan:Kurdish|Kurd|Kurds
Chechnya:Chechen|Chechens
Crimea:Crimean
Catalonia:Catalan|Catalans
Bavaria:Bavarian
Sicily:Sicilian
Sardinia:Sardinian
Corsica:Corsican
Quebec:Quebecer|Quebecois
Texas:Texan|Texans
California:Californian|Californians
Florida:Floridian
Europe:European|Europeans
Asia:Asian|Asians
Africa:African|Africans
Latin America:Latin American|Latino|Latinos|Latina|Hispanic
Arabia:Arab|Arabs|Arabian
Scandinavia:Scandinavian
Balkans:Balkan
Caribbean:Caribbean
Middle East:Middle Eastern
Antarctica:Antarctic
Arctic:Arctic
`;

/** Other demonyms and adjectives of origin that are never entities. */
const MORE_DEMONYMS = `Western Eastern Northern Southern Oriental Occidental Islamic Muslim Muslims Christian Christians
Jewish Jew Jews Catholic Protestant Orthodox Sunni Shia Shiite Shi'ite Hindu Buddhist Sikh Anglo Asiatic
Yankee Soviet Persian Ottoman Roman Romans Byzantine Pashtun Hazara Tamil Sinhalese Uyghur Uighur Berber
Bedouin Basque Flemish Walloon Celtic Gaelic Cantonese Mandarin Hebrew Latin Slavic Nordic Teutonic Aboriginal
Indigenous Maori Inuit Yazidi Druze Alawite Coptic Evangelical Pentecostal Mormon Baptist Methodist Lutheran
Anglican Presbyterian Pakistani Kashmiri Punjabi Bengali Gujarati Ossetian Abkhaz Transatlantic Pan-African
Trans-Atlantic Pacific Atlantic Mediterranean`;

// Multi-word names are written with `_` for spaces.
const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio
Oklahoma Oregon Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia
Washington West_Virginia Wisconsin Wyoming District_of_Columbia Washington_D.C. Washington_DC D.C.`;

const PROVINCES_REGIONS = `Ontario Quebec British_Columbia Alberta Manitoba Saskatchewan Nova_Scotia New_Brunswick
Newfoundland Prince_Edward_Island Yukon Northwest_Territories Nunavut Labrador
Cornwall Yorkshire Kent Essex Sussex Surrey Devon Lancashire
Bavaria Saxony Lombardy Tuscany Sicily Sardinia Piedmont Veneto Liguria Calabria Campania Apulia Umbria
Catalonia Andalusia Galicia Brittany Normandy Provence Flanders Wallonia Siberia Chechnya Dagestan Crimea
Donbas Donetsk Luhansk Kurdistan Nineveh Basra Kirkuk Darfur Punjab Kashmir Bengal Gujarat Kerala
Tamil_Nadu Uttar_Pradesh Rajasthan Maharashtra Karnataka Bihar Assam Xinjiang Tibet Guangdong Sichuan Yunnan
Hubei Hunan Fujian Zhejiang Jiangsu Shandong Manchuria Mindanao Luzon Java Sumatra Borneo Bali Okinawa
Hokkaido Honshu Kyushu Patagonia Tasmania Queensland New_South_Wales Western_Australia South_Australia
Kowloon New_Territories Hong_Kong_Island Lantau Galilee Negev Sinai West_Bank Gaza_Strip Golan_Heights
Iraqi_Kurdistan Anatolia Caucasus Balkans Scandinavia Baltics Benelux Iberia Maghreb Levant Sahel
Sahara Arctic Antarctica Middle_East Near_East Far_East Persian_Gulf Horn_of_Africa
North_America South_America Central_America Latin_America Caribbean East_Africa West_Africa North_Africa
Southern_Africa Sub-Saharan_Africa Central_Asia South_Asia Southeast_Asia East_Asia Western_Europe
Eastern_Europe Central_Europe Northern_Europe Southern_Europe Europe Asia Africa Oceania Australasia Eurasia
Americas Pacific Atlantic Indian_Ocean Pacific_Ocean Atlantic_Ocean Arctic_Ocean Mediterranean Mediterranean_Sea
Black_Sea Red_Sea Caspian_Sea Dead_Sea North_Sea Baltic_Sea South_China_Sea East_China_Sea Sea_of_Japan
Yellow_Sea Arabian_Sea Gulf_of_Mexico Gulf_of_Aden Strait_of_Hormuz English_Channel Suez_Canal
Panama_Canal Bosphorus Himalayas Alps Andes Rockies Rocky_Mountains Urals Pyrenees Mount_Everest
Nile Danube Rhine Thames Tigris Euphrates Yangtze Ganges Jordan_River Mekong Volga Seine
Midwest New_England Silicon_Valley Capitol_Hill Downing_Street White_House
West_Coast East_Coast Deep_South Bible_Belt Sun_Belt Rust_Belt
Hollywood Manhattan Brooklyn Bronx Staten_Island Long_Island Lower_Manhattan Harlem`;

const CITIES = `London Paris Berlin Madrid Rome Lisbon Dublin Brussels Amsterdam The_Hague Rotterdam Vienna Prague
Budapest Warsaw Krakow Bucharest Sofia Athens Belgrade Zagreb Ljubljana Sarajevo Skopje Tirana Podgorica
Bratislava Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Reykjavik Bern Zurich Geneva Basel Lausanne
Luxembourg Monaco Milan Naples Turin Genoa Genova Florence Venice Bologna Palermo Pisa Livorno Verona Barcelona
Valencia Seville Bilbao Malaga Porto Marseille Lyon Nice Toulouse Bordeaux Lille Strasbourg Nantes Munich
Hamburg Frankfurt Cologne Stuttgart Dusseldorf Düsseldorf Dresden Leipzig Bonn Hanover Nuremberg Antwerp
Ghent Bruges Manchester Liverpool Birmingham Leeds Glasgow Edinburgh Cardiff Belfast Bristol Sheffield
Newcastle Oxford Cambridge Southampton Portsmouth Brighton Nottingham Leicester Dover Calais Moscow
Saint_Petersburg St._Petersburg Kyiv Kiev Kharkiv Odesa Odessa Lviv Mariupol Minsk Chisinau Tbilisi
Yerevan Baku Istanbul Ankara Izmir Nicosia Beirut Damascus Aleppo Homs Idlib Raqqa Amman Baghdad Mosul Erbil
Fallujah Ramadi Tikrit Najaf Karbala Tehran Mashhad Isfahan Tabriz Shiraz Qom Riyadh Jeddah Mecca Medina
Jerusalem Bethlehem Nazareth
Dubai Abu_Dhabi Doha Manama Muscat Kuwait_City Sanaa Aden Cairo Alexandria Tripoli Benghazi Tunis
Algiers Rabat Casablanca Marrakesh Khartoum Addis_Ababa Asmara Mogadishu Nairobi Mombasa Kampala Kigali
Dodoma Dar_es_Salaam Kinshasa Lagos Abuja Accra Dakar Bamako Niamey Ouagadougou Abidjan Freetown Monrovia
Luanda Lusaka Harare Maputo Johannesburg Cape_Town Pretoria Durban Windhoek Gaborone Antananarivo
Tel_Aviv Haifa Ramallah Hebron Kabul Kandahar Herat Mazar-i-Sharif Jalalabad Islamabad
Karachi Lahore Peshawar Quetta Rawalpindi Delhi New_Delhi Mumbai Bombay Kolkata Calcutta Chennai Madras
Bangalore Bengaluru Hyderabad Ahmedabad Pune Jaipur Lucknow Srinagar Kathmandu Dhaka Colombo Thimphu
Beijing Peking Shanghai Guangzhou Shenzhen Chongqing Tianjin Wuhan Chengdu Nanjing Hangzhou Xi'an Harbin
Urumqi Lhasa Taipei Kaohsiung Seoul Busan Incheon Pyongyang Tokyo Osaka Kyoto Yokohama Nagoya Kobe
Hiroshima Nagasaki Sapporo Fukushima Manila Cebu Davao Jakarta Surabaya Bandung Denpasar
Kuala_Lumpur Bangkok Hanoi Ho_Chi_Minh_City Saigon Phnom_Penh Vientiane Yangon Rangoon Naypyidaw
Ulaanbaatar Astana Almaty Tashkent Samarkand Bishkek Dushanbe Ashgabat Sydney Melbourne Brisbane Perth
Adelaide Canberra Hobart Darwin Auckland Wellington Christchurch Dunedin Suva Toronto Montreal
Vancouver Ottawa Calgary Edmonton Winnipeg Halifax Regina Saskatoon Brampton Mississauga
Markham Quebec_City New_York_City Boston Chicago
Philadelphia Baltimore Pittsburgh Detroit Cleveland Cincinnati Columbus Indianapolis Milwaukee Minneapolis
St._Louis Kansas_City Omaha Denver Dallas Houston Austin San_Antonio El_Paso Fort_Worth Arlington
Phoenix Tucson Las_Vegas Los_Angeles San_Francisco San_Diego San_Jose Sacramento Oakland Seattle Portland
Atlanta Miami Orlando Tampa Jacksonville Charlotte Raleigh Nashville Memphis Louisville New_Orleans
Richmond Honolulu Anchorage Salt_Lake_City Albuquerque Oklahoma_City Tulsa Boise Buffalo Albany
Newark Hartford Providence Havana Mexico_City Guadalajara Monterrey
Tijuana Guatemala_City San_Salvador Tegucigalpa Managua San_José Panama_City Bogota Bogotá Medellin
Caracas Quito Guayaquil Lima La_Paz Santiago Buenos_Aires Montevideo Asuncion Rio_de_Janeiro Sao_Paulo
São_Paulo Brasilia Recife Port-au-Prince Santo_Domingo San_Juan Nassau Sochi Volgograd
Kazan Yekaterinburg Novosibirsk Nizhny_Novgorod Rostov Kaliningrad Vladivostok Samara Saransk Grozny
Sevastopol Simferopol Kherson Zaporizhzhia Bakhmut Vatican_City`;

/** Head words that make a capitalised name a place, when last ("Harir Air Base"). */
export const PLACE_HEADS = new Set(`Airport Airfield Airbase Base Street St Road Rd Avenue Ave Boulevard Blvd Lane
Drive Highway Motorway Freeway Expressway Bridge Tunnel Square Plaza Stadium Arena Centre Center Hall Hotel
Inn Resort Mosque Cathedral Temple Shrine Synagogue Chapel Palace Castle Tower Towers Fort Park Gardens Garden
Zoo Mall Market Station Terminal Port Harbour Harbor Pier River Lake Sea Ocean Bay Gulf Strait Canal Creek
Falls Mountain Mountains Mount Hill Hills Heights Valley Canyon Desert Forest Island Islands Isle Peninsula
Coast Beach Plain Plains Plateau Glacier Volcano Province Region County Prefecture Governorate Oblast City
Town Village Township Borough Camp Prison Jail Cave Factory Studio Studios Ranch Oasis Springs Checkpoint
Parkway Dam Reservoir Reef Ridge Delta Basin Lagoon Marsh Swamp Cove Shore Shores Republic Kingdom Emirates`.split(/\s+/));

/** Head words that make a name a place when first ("Lake Geneva", "Mount Sinai", "Fort Worth"). */
export const PLACE_FIRST = new Set(`Lake Mount Mt Fort Port Camp Cape Gulf Bay Isle Lac Rio Sierra Monte Saint San
Santa St Strait Sea Plains Bay Kingdom Republic Province Straits`.split(/\s+/));

/** Compass words that make another place ("Kowloon East", "North Korea", "the North"). */
export const COMPASS = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Upper', 'Lower', 'Greater', 'Inner', 'Outer', 'Northeast', 'Northwest', 'Southeast', 'Southwest']);

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").toLowerCase();
}

export const PLACES = new Set<string>();
export const COUNTRIES = new Set<string>();
export const DEMONYMS = new Set<string>();

/** A country's demonym -> its names ("rwandan" -> Rwanda …), to resolve "the Rwandan government". */
const COUNTRY_OF_DEMONYM = new Map<string, string[]>();

for (const line of COUNTRY_LINES.trim().split('\n')) {
  const [names, demonyms = ''] = line.split(':');
  for (const n of names.split('|')) { PLACES.add(norm(n)); COUNTRIES.add(norm(n)); }
  for (const d of demonyms.split('|')) {
    if (!d) continue;
    DEMONYMS.add(norm(d));
    COUNTRY_OF_DEMONYM.set(norm(d), names.split('|').map(norm));
  }
}

/** The names of the country a demonym belongs to, lower case; empty for other words. */
export function countryNamesOf(demonym: string): string[] {
  return COUNTRY_OF_DEMONYM.get(norm(demonym)) ?? [];
}
for (const d of MORE_DEMONYMS.split(/\s+/)) if (d) DEMONYMS.add(norm(d));

for (const block of [US_STATES, PROVINCES_REGIONS, CITIES]) {
  for (const name of block.split(/\s+/)) if (name) PLACES.add(norm(name.replace(/_/g, ' ')));
}

export function isPlaceName(name: string): boolean {
  return PLACES.has(norm(name));
}

export function isCountry(name: string): boolean {
  return COUNTRIES.has(norm(name));
}

export function isDemonym(word: string): boolean {
  return DEMONYMS.has(norm(word));
}
