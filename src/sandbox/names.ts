// Fixed word lists the seed draws from (S-30, S-36). The generator picks from them, so names
// depend on the seed number only; changing a list changes every data set, so append with care.

export const LEAD_PROVIDER_NAMES = [
  'Ambition Institute',
  'Best Practice Network',
  'Education Development Trust',
  'National Institute of Teaching',
  'Teach First',
  'UCL Institute of Education',
] as const

/** Places for "<place> Teaching School Hub" (S-35) and for school names. */
export const PLACES = [
  'Aldbourne', 'Ashworth', 'Barnfield', 'Beckton', 'Bramley', 'Brookmere', 'Calderbrook', 'Castleford',
  'Chalkhill', 'Clayhanger', 'Coldharbour', 'Crossgates', 'Dalebridge', 'Denholme', 'Eastwick', 'Elmsworth',
  'Fairford', 'Fernhill', 'Foxhollow', 'Gatcombe', 'Glenfield', 'Greenhithe', 'Hartcliffe', 'Hatherley',
  'Hawkridge', 'Highgrove', 'Holmewood', 'Ivybridge', 'Kingsmead', 'Kirkdale', 'Langley', 'Larkhill',
  'Linthorpe', 'Marlow Bridge', 'Meadowbank', 'Millbrook', 'Moorside', 'Netherton', 'Northgate', 'Oakfield',
  'Oldbury', 'Overton', 'Parkside', 'Pennington', 'Queensbury', 'Radford', 'Redhill', 'Ribbleton',
  'Rosehill', 'Rowlands', 'Saltwell', 'Sandfield', 'Shirebrook', 'Silverdale', 'Southmead', 'Stanmore',
  'Stonebridge', 'Sunnyside', 'Thornbury', 'Upperton', 'Valley Park', 'Westbrook', 'Whitefield', 'Willowdene',
  'Woodhouse', 'Wrenfield', 'Yardley', 'Yewtree',
] as const

export const SCHOOL_KINDS = [
  'Primary School', 'Academy', 'High School', 'Infant School', 'Junior School', 'Community School',
  'Church of England Primary School', 'Catholic Primary School', 'Secondary School', 'Free School',
] as const

export const LOCAL_AUTHORITIES = [
  'Birmingham', 'Bristol', 'Cornwall', 'Cumberland', 'Derbyshire', 'Devon', 'Essex', 'Hampshire', 'Hertfordshire',
  'Kent', 'Lancashire', 'Leeds', 'Leicestershire', 'Liverpool', 'Manchester', 'Newcastle upon Tyne', 'Norfolk',
  'North Yorkshire', 'Nottinghamshire', 'Sheffield', 'Somerset', 'Suffolk', 'Surrey', 'Wiltshire',
] as const

export const ESTABLISHMENT_TYPES = [
  'Community school', 'Academy converter', 'Academy sponsor led', 'Voluntary aided school', 'Foundation school', 'Free schools',
] as const

export const FIRST_NAMES = [
  'Aisha', 'Amelia', 'Ben', 'Chloe', 'Daniel', 'Eleanor', 'Farah', 'George', 'Grace', 'Hannah', 'Harry', 'Imran',
  'Isla', 'Jack', 'James', 'Kiran', 'Laura', 'Leo', 'Maya', 'Mohammed', 'Nadia', 'Noah', 'Olivia', 'Oscar',
  'Priya', 'Rachel', 'Rhys', 'Ruby', 'Samuel', 'Sophie', 'Thomas', 'Zara',
] as const

export const LAST_NAMES = [
  'Ahmed', 'Baker', 'Bennett', 'Campbell', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hall', 'Hughes',
  'Jackson', 'Khan', 'Lewis', 'Morgan', 'Murphy', 'Nowak', 'Okafor', 'Patel', 'Roberts', 'Shah', 'Singh',
  'Taylor', 'Thompson', 'Walker', 'Wilson', 'Wood', 'Wright',
] as const
