// Titles and honorifics written before a name ("President Donald Trump", "Lieutenant General
// Qassem Soleimani", "Dr. Smith"). They are kept as the entity's role, never in its span.

const TITLE_LIST = `
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Madam Madame Monsieur Herr Frau Señor Señora
President Vice_President President-elect Prime_Minister Deputy_Prime_Minister Premier Chancellor Vice_Chancellor
Minister Foreign_Minister Defence_Minister Defense_Minister Interior_Minister Finance_Minister Health_Minister
Education_Minister Justice_Minister Culture_Minister Immigration_Minister Home_Secretary Foreign_Secretary
Secretary Secretary_of_State Secretary-General Secretary_General Under-Secretary Attorney_General
Ambassador Envoy Consul Governor Gov. Lieutenant_Governor Mayor Deputy_Mayor Senator Sen. Representative Rep.
Congressman Congresswoman Councillor Councilor Councilman Councilwoman Alderman Assemblyman Assemblywoman
MP MEP MLA MPP Speaker Chairman Chairwoman Chair Chief Chief_Executive CEO CFO COO Director Director-General
Commissioner Deputy Spokesman Spokeswoman Spokesperson
King Queen Prince Princess Emperor Empress Crown_Prince Sultan Emir Sheikh Shaikh Sheik Ayatollah Grand_Ayatollah
Imam Mullah Pope Cardinal Archbishop Bishop Father Fr. Rev. Reverend Pastor Rabbi Deacon Brother Sister Saint St.
Judge Justice Chief_Justice Magistrate Lawyer Attorney Counsel
General Gen. Lieutenant_General Lt._Gen. Major_General Maj._Gen. Brigadier Brigadier_General Brig._Gen. Colonel Col.
Lieutenant_Colonel Lt._Col. Major Maj. Captain Capt. Lieutenant Lt. Sergeant Sgt. Corporal Cpl. Private Pvt.
Admiral Adm. Rear_Admiral Vice_Admiral Commodore Commander Cmdr. Marshal Field_Marshal Air_Marshal Commandant
Officer Detective Det. Inspector Insp. Superintendent Supt. Constable Sheriff Deputy_Sheriff Chief_Inspector
Coach Manager Captain Skipper Referee Striker Goalkeeper Defender Midfielder Forward
Doctor Nurse Dean Provost Rector Principal Headmaster Headmistress
Chief_Minister Chief_Secretary Chief_Executive_Officer Leader Opposition_Leader
`;

/** Titles, lower-cased, straight apostrophes; multi-word ones with spaces. */
export const TITLES = new Set<string>();
for (const t of TITLE_LIST.split(/\s+/)) if (t) TITLES.add(t.replace(/_/g, ' ').toLowerCase());

/** The longest number of words in a title. */
export const MAX_TITLE_WORDS = Math.max(...[...TITLES].map((t) => t.split(' ').length));

/** Titles that are also common first words of names of places or organisations or people. */
export const WEAK_TITLES = new Set(['major', 'general', 'private', 'brother', 'sister', 'father', 'chief', 'dean', 'forward', 'chair', 'director', 'manager', 'leader', 'deputy', 'saint', 'st.', 'lawyer', 'counsel', 'doctor', 'nurse', 'principal', 'speaker', 'king', 'queen', 'prince', 'princess', 'justice', 'officer', 'captain', 'marshal']);

