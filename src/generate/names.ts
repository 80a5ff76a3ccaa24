import type { Random } from './random';

/** Where a generated person's name comes from. */
export type Origin = 'fr' | 'de' | 'it' | 'es' | 'pl' | 'maghreb' | 'west-africa' | 'asia' | 'anglo';

/** First names (female, male) and last names of each origin; French first names by generation. */
const NAMES: Readonly<Record<Origin, { female: readonly string[]; male: readonly string[]; last: readonly string[] }>> = {
  fr: {
    female: ['Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Clara', 'Jade', 'Louise', 'Lucie', 'Juliette', 'Zoé', 'Anaïs', 'Mathilde', 'Margaux', 'Océane', 'Romane'],
    male: ['Lucas', 'Hugo', 'Louis', 'Nathan', 'Théo', 'Enzo', 'Mathis', 'Tom', 'Gabriel', 'Arthur', 'Raphaël', 'Jules', 'Maxime', 'Thomas', 'Antoine', 'Clément', 'Baptiste', 'Léo'],
    last: ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'Legrand', 'Gauthier', 'Perrin', 'Robin', 'Morin', 'Roussel', 'Mathieu', 'Masson', 'Marchand', 'Duval', 'Dumont', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Brun', 'Giraud', 'Joly', 'Rivière', 'Brunet', 'Barbier', 'Roche', 'Renard', 'Schmitt', 'Colin', 'Vidal', 'Caron', 'Picard', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Le Gall', 'Le Goff', 'Da Silva', 'Delaunay'],
  },
  de: { female: ['Anna', 'Lena', 'Julia', 'Katharina', 'Sabine', 'Petra', 'Claudia'], male: ['Lukas', 'Jonas', 'Leon', 'Felix', 'Stefan', 'Andreas', 'Jürgen', 'Tobias'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Bauer', 'Krüger'] },
  it: { female: ['Giulia', 'Francesca', 'Chiara', 'Paola', 'Elena'], male: ['Alessandro', 'Marco', 'Luca', 'Matteo', 'Davide'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Ricci', 'Greco', 'De Luca'] },
  es: { female: ['María', 'Lucía', 'Carmen', 'Sofía', 'Inês', 'Ana'], male: ['Javier', 'Alejandro', 'Pablo', 'João', 'Diego', 'Rui'], last: ['García', 'Fernández', 'González', 'López', 'Sánchez', 'Pérez', 'Silva', 'Santos', 'Ferreira', 'Oliveira', 'Costa'] },
  pl: { female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Zofia'], male: ['Piotr', 'Krzysztof', 'Tomasz', 'Łukasz'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Zieliński'] },
  maghreb: { female: ['Yasmine', 'Nour', 'Amira', 'Leïla', 'Samia', 'Nadia', 'Myriam'], male: ['Karim', 'Mehdi', 'Yanis', 'Rayan', 'Sami', 'Nabil', 'Farid', 'Bilal'], last: ['Benali', 'Haddad', 'Belkacem', 'Cherif', 'Bouzid', 'Mansouri', 'Amrani', 'Saïdi', 'Aït Ali', 'Toumi', 'Ouali'] },
  'west-africa': { female: ['Aminata', 'Fatoumata', 'Awa', 'Aïssatou', 'Mariam'], male: ['Moussa', 'Ibrahima', 'Mamadou', 'Ousmane', 'Cheikh'], last: ['Diallo', 'Traoré', 'Koné', 'Camara', 'Diop', 'Ndiaye', 'Sow', 'Coulibaly', 'Keïta'] },
  asia: { female: ['Linh', 'Mei', 'Yuki', 'Priya', 'Anh', 'Xinyi', 'Hana'], male: ['Minh', 'Wei', 'Hiroshi', 'Jin', 'Arjun', 'Ravi', 'Kenji'], last: ['Nguyen', 'Tran', 'Wang', 'Zhang', 'Chen', 'Tanaka', 'Sato', 'Kim', 'Park', 'Sharma', 'Patel', 'Tan', 'Lim'] },
  anglo: { female: ['Emily', 'Olivia', 'Jessica', 'Sarah', 'Hannah', 'Megan'], male: ['James', 'Oliver', 'William', 'Daniel', 'Ryan', 'Michael', 'Ethan'], last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Clarke', "O'Brien", 'Murphy'] },
};
const FRENCH_ELDER = {
  female: ['Catherine', 'Isabelle', 'Nathalie', 'Sylvie', 'Valérie', 'Christine', 'Sandrine', 'Florence', 'Hélène', 'Anne', 'Claire', 'Sophie', 'Cécile', 'Agnès', 'Delphine'],
  male: ['Philippe', 'Jean-Marc', 'Patrick', 'Thierry', 'Christophe', 'Laurent', 'Pascal', 'Éric', 'Olivier', 'Bruno', 'Frédéric', 'Stéphane', 'Alain', 'Hervé', 'François', 'Xavier'],
};
const NEUTRAL = ['Camille', 'Dominique', 'Claude', 'Alix', 'Sacha', 'Charlie'];

/**
 * A plausible full name.
 *
 * @internal Used by the organisation generator.
 */
export function personName(rand: Random, origin: Origin, gender: 'F' | 'M' | 'X', young: boolean): string {
  const names = NAMES[origin];
  const pool = origin === 'fr' && !young ? FRENCH_ELDER : names;
  const first = gender === 'F' ? rand.pick(pool.female) : gender === 'M' ? rand.pick(pool.male) : origin === 'fr' ? rand.pick(NEUTRAL) : rand.pick([...names.female, ...names.male]);
  return `${first} ${rand.pick(names.last)}`;
}
