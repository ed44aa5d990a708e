import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENRES, type Drama, type Person } from '../data/schema.ts';

/**
 * Synthetic catalogs for the benchmark, shaped like the real dataset and written in its format
 * (data/dramas/*.json, data/people/*.json), so they go through the same loader and index.
 * Deterministic: the same size and seed give the same catalog. Names are built the way Korean
 * names are romanized in the wild (surname + two given syllables, hyphenated or joined), titles
 * from English words with Korean counterparts, so search meets realistic collisions.
 */
const SURNAMES: Array<[hangul: string, roman: string]> = [
  ['김', 'Kim'],
  ['이', 'Lee'],
  ['박', 'Park'],
  ['최', 'Choi'],
  ['정', 'Jung'],
  ['강', 'Kang'],
  ['조', 'Cho'],
  ['윤', 'Yoon'],
  ['장', 'Jang'],
  ['임', 'Lim'],
  ['한', 'Han'],
  ['오', 'Oh'],
  ['서', 'Seo'],
  ['신', 'Shin'],
  ['권', 'Kwon'],
  ['황', 'Hwang'],
  ['안', 'Ahn'],
  ['송', 'Song'],
  ['전', 'Jeon'],
  ['홍', 'Hong'],
  ['유', 'Yoo'],
  ['고', 'Go'],
  ['문', 'Moon'],
  ['양', 'Yang'],
  ['손', 'Son'],
  ['배', 'Bae'],
  ['백', 'Baek'],
  ['허', 'Heo'],
  ['남', 'Nam'],
  ['노', 'Noh'],
];
const GIVEN: Array<[hangul: string, roman: string]> = [
  ['민', 'min'],
  ['서', 'seo'],
  ['지', 'ji'],
  ['현', 'hyun'],
  ['우', 'woo'],
  ['준', 'jun'],
  ['수', 'soo'],
  ['영', 'young'],
  ['진', 'jin'],
  ['성', 'sung'],
  ['하', 'ha'],
  ['은', 'eun'],
  ['혜', 'hye'],
  ['윤', 'yoon'],
  ['도', 'do'],
  ['연', 'yeon'],
  ['재', 'jae'],
  ['희', 'hee'],
  ['주', 'joo'],
  ['경', 'kyung'],
  ['동', 'dong'],
  ['상', 'sang'],
  ['태', 'tae'],
  ['승', 'seung'],
  ['원', 'won'],
  ['형', 'hyung'],
  ['식', 'sik'],
  ['소', 'so'],
  ['나', 'na'],
  ['다', 'da'],
  ['미', 'mi'],
  ['혁', 'hyuk'],
  ['훈', 'hoon'],
  ['빈', 'bin'],
  ['선', 'sun'],
  ['건', 'gun'],
  ['규', 'kyu'],
  ['보', 'bo'],
  ['석', 'seok'],
  ['용', 'yong'],
];
/** More given-name syllables for characters: writers pick rarer names than parents do, so a character's name seldom recurs. */
const CHARACTER_GIVEN: Array<[hangul: string, roman: string]> = [
  ['가', 'ga'],
  ['라', 'ra'],
  ['마', 'ma'],
  ['바', 'ba'],
  ['사', 'sa'],
  ['자', 'ja'],
  ['차', 'cha'],
  ['해', 'hae'],
  ['채', 'chae'],
  ['예', 'ye'],
  ['린', 'rin'],
  ['란', 'ran'],
  ['율', 'yul'],
  ['인', 'in'],
  ['일', 'il'],
  ['찬', 'chan'],
  ['호', 'ho'],
  ['효', 'hyo'],
  ['환', 'hwan'],
  ['휘', 'hwi'],
  ['결', 'gyeol'],
  ['국', 'guk'],
  ['기', 'ki'],
  ['단', 'dan'],
  ['람', 'ram'],
  ['로', 'ro'],
  ['리', 'ri'],
  ['명', 'myung'],
  ['범', 'beom'],
  ['별', 'byul'],
  ['세', 'se'],
  ['슬', 'seul'],
  ['시', 'si'],
  ['온', 'on'],
  ['욱', 'wook'],
  ['유', 'yu'],
  ['정', 'jung'],
  ['철', 'chul'],
  ['택', 'taek'],
  ['홍', 'hong'],
];
const ADJECTIVES: Array<[string, string]> = [
  ['Secret', '비밀의'],
  ['Lonely', '외로운'],
  ['Golden', '황금빛'],
  ['Hidden', '숨겨진'],
  ['Last', '마지막'],
  ['Beautiful', '아름다운'],
  ['Strange', '이상한'],
  ['Brave', '용감한'],
  ['Silent', '조용한'],
  ['Wild', '거친'],
  ['Crazy', '미친'],
  ['Sweet', '달콤한'],
  ['Cold', '차가운'],
  ['Warm', '따뜻한'],
  ['Royal', '왕실의'],
  ['Lucky', '행운의'],
  ['Dangerous', '위험한'],
  ['Perfect', '완벽한'],
  ['Broken', '부서진'],
  ['Eternal', '영원한'],
  ['Midnight', '한밤의'],
  ['Spring', '봄날의'],
  ['Summer', '여름의'],
  ['Winter', '겨울의'],
  ['Second', '두번째'],
  ['First', '첫번째'],
  ['Little', '작은'],
  ['Grand', '위대한'],
  ['Blue', '푸른'],
  ['Red', '붉은'],
  ['Fake', '가짜'],
  ['True', '진짜'],
  ['Young', '젊은'],
  ['Old', '늙은'],
  ['Happy', '행복한'],
  ['Sad', '슬픈'],
  ['Shining', '빛나는'],
  ['Falling', '떨어지는'],
  ['Flying', '날아가는'],
  ['Sleeping', '잠자는'],
];
const NOUNS: Array<[string, string]> = [
  ['Garden', '정원'],
  ['Hospital', '병원'],
  ['Prosecutor', '검사'],
  ['Queen', '여왕'],
  ['King', '왕'],
  ['Doctor', '의사'],
  ['Chef', '요리사'],
  ['Detective', '형사'],
  ['Lawyer', '변호사'],
  ['Teacher', '선생'],
  ['Ghost', '유령'],
  ['Goblin', '도깨비'],
  ['Hotel', '호텔'],
  ['Cafe', '카페'],
  ['Palace', '궁전'],
  ['Island', '섬'],
  ['Village', '마을'],
  ['City', '도시'],
  ['Moon', '달'],
  ['Sun', '해'],
  ['Star', '별'],
  ['Flower', '꽃'],
  ['Rain', '비'],
  ['Snow', '눈'],
  ['Wind', '바람'],
  ['Sea', '바다'],
  ['Mountain', '산'],
  ['River', '강'],
  ['Road', '길'],
  ['House', '집'],
  ['School', '학교'],
  ['Office', '사무실'],
  ['Heart', '마음'],
  ['Promise', '약속'],
  ['Memory', '기억'],
  ['Dream', '꿈'],
  ['Secret', '비밀'],
  ['Lie', '거짓말'],
  ['Love', '사랑'],
  ['Revenge', '복수'],
  ['Family', '가족'],
  ['Friend', '친구'],
  ['Brother', '형제'],
  ['Sister', '자매'],
  ['Prince', '왕자'],
  ['Princess', '공주'],
  ['Warrior', '전사'],
  ['Thief', '도둑'],
  ['Singer', '가수'],
  ['Idol', '아이돌'],
  ['Witch', '마녀'],
  ['Fox', '여우'],
  ['Tiger', '호랑이'],
  ['Dragon', '용'],
  ['Butterfly', '나비'],
  ['Camellia', '동백'],
  ['Runner', '러너'],
  ['Pianist', '피아니스트'],
  ['Webtoon', '웹툰'],
  ['Startup', '스타트업'],
];
const NETWORKS = [
  'KBS2',
  'MBC',
  'SBS',
  'tvN',
  'JTBC',
  'ENA',
  'OCN',
  'Netflix',
  'Disney+',
  'TVING',
  'Coupang Play',
  'Wavve',
];
const TAGS = [
  'revenge',
  'time-travel',
  'office-romance',
  'friends-to-lovers',
  'chaebol',
  'amnesia',
  'body-swap',
  'hidden-identity',
  'found-family',
  'slow-burn',
];

/** mulberry32: small, fast and good enough to make the same catalog every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface KoreanName {
  /** "Park Hyung-sik" */
  name: string;
  /** "박형식" */
  hangul: string;
  surname: string;
  given: [string, string];
}

/** Every distinct surname + two-syllable given name from `given`, shuffled (30 × 40 × 39 = 46,800 from GIVEN). */
export function namePool(rnd: () => number, given = GIVEN): KoreanName[] {
  const names: KoreanName[] = [];
  for (const [sh, sr] of SURNAMES) {
    for (const [g1h, g1r] of given) {
      for (const [g2h, g2r] of given) {
        if (g1r === g2r) continue;
        names.push({
          name: `${sr} ${capital(g1r)}-${g2r}`,
          hangul: `${sh}${g1h}${g2h}`,
          surname: sr,
          given: [g1r, g2r],
        });
      }
    }
  }
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  return names;
}

export function titlePool(rnd: () => number, count: number): Array<{ title: string; nativeTitle: string }> {
  const seen = new Set<string>();
  const titles: Array<{ title: string; nativeTitle: string }> = [];
  const patterns: Array<() => [string, string]> = [
    () => {
      const [a, ak] = pick(rnd, ADJECTIVES);
      const [n, nk] = pick(rnd, NOUNS);
      return [`${a} ${n}`, `${ak} ${nk}`];
    },
    () => {
      const [n, nk] = pick(rnd, NOUNS);
      const [m, mk] = pick(rnd, NOUNS);
      return [`The ${n} of the ${m}`, `${mk}의 ${nk}`];
    },
    () => {
      const [a, ak] = pick(rnd, ADJECTIVES);
      const [n, nk] = pick(rnd, NOUNS);
      const [m, mk] = pick(rnd, NOUNS);
      return [`${a} ${n} and ${m}`, `${ak} ${nk}와 ${mk}`];
    },
    () => {
      const [a, ak] = pick(rnd, ADJECTIVES);
      const [n, nk] = pick(rnd, NOUNS);
      const [m, mk] = pick(rnd, NOUNS);
      return [`My ${a} ${n} ${m}`, `나의 ${ak} ${nk} ${mk}`];
    },
    () => {
      const [n, nk] = pick(rnd, NOUNS);
      const [b, bk] = pick(rnd, ADJECTIVES);
      const [m, mk] = pick(rnd, NOUNS);
      return [`${n} in the ${b} ${m}`, `${bk} ${mk} 속 ${nk}`];
    },
  ];
  let attempts = 0;
  while (titles.length < count) {
    let [title, nativeTitle] = pick(rnd, patterns)();
    // Past the combinations, a season number, as real remakes and sequels have.
    if (seen.has(title) || attempts > count * 20) {
      const season = 2 + Math.floor(rnd() * 8);
      [title, nativeTitle] = [`${title} ${season}`, `${nativeTitle} ${season}`];
    }
    attempts += 1;
    if (seen.has(title)) continue;
    seen.add(title);
    titles.push({ title, nativeTitle });
  }
  return titles;
}

export interface SyntheticCatalog {
  dramas: Drama[];
  people: Person[];
}

/** `size` dramas, each with 8 cast members (from a shared pool of people), and songs for most. */
export function generateCatalog(size: number, seed = 7): SyntheticCatalog {
  const rnd = random(seed + size);
  const names = namePool(rnd);
  // One person per 5 dramas (at least 200): actors recur across dramas as in the real world.
  const peopleCount = Math.min(Math.max(200, Math.floor(size / 5)), names.length / 2);
  const people: Person[] = names.slice(0, peopleCount).map((n, i) => ({
    id: `${slug(n.name)}-${i}`,
    name: n.name,
    altNames: [`${n.surname} ${capital(n.given[0])}${n.given[1]}`],
    nativeName: n.hangul,
    sources: [`https://example.org/people/${i}`],
  }));
  // Characters: 189,600 names, none an actor's, so at 100k dramas a name recurs about four times.
  const taken = new Set(people.map((p) => p.name));
  const characterNames = namePool(rnd, [...GIVEN, ...CHARACTER_GIVEN]).filter((n) => !taken.has(n.name));
  const titles = titlePool(rnd, size);
  const dramas: Drama[] = titles.map(({ title, nativeTitle }, i) => {
    const year = 1995 + Math.floor(rnd() * 31);
    const month = 1 + Math.floor(rnd() * 12);
    const episodeCount = pick(rnd, [12, 16, 16, 16, 20, 24, 32, 50]);
    const castIds = new Set<string>();
    while (castIds.size < 8) castIds.add(people[Math.floor(rnd() * people.length)]!.id);
    const cast = [...castIds].map((person, k) => {
      const character = characterNames[Math.floor(rnd() * characterNames.length)]!;
      return {
        person,
        role: k < 2 ? ('main' as const) : k < 7 ? ('support' as const) : ('cameo' as const),
        characters: [{ name: character.name, nativeName: character.hangul }],
      };
    });
    const songs = Math.floor(rnd() * 4);
    const id = `${slug(title).slice(0, 40)}-${i}`;
    return {
      id,
      title,
      nativeTitle,
      country: 'KR',
      year,
      firstAirDate: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      networks: [pick(rnd, NETWORKS)],
      episodeCount,
      runtimeMinutes: 60 + Math.floor(rnd() * 30),
      episodes: Array.from({ length: episodeCount }, (_, k) => ({ number: k + 1 })),
      genres: [pick(rnd, GENRES), pick(rnd, GENRES)].filter((g, k, all) => all.indexOf(g) === k),
      tags: [pick(rnd, TAGS)],
      synopsis: `A synthetic drama for the benchmark: ${title}.`,
      directors: [people[Math.floor(rnd() * people.length)]!.id],
      cast,
      ...(songs
        ? {
            soundtrack: Array.from({ length: songs }, (_, k) => ({
              track: k + 1,
              part: k + 1,
              title: `${pick(rnd, ADJECTIVES)[0]} ${pick(rnd, NOUNS)[0]}`,
              artists: [people[Math.floor(rnd() * people.length)]!.id],
            })),
          }
        : {}),
      sources: [`https://example.org/dramas/${i}`],
    };
  });
  return { dramas, people };
}

/** Writes the catalog in the dataset's format: one JSON file per record. */
export function writeCatalog(dir: string, catalog: SyntheticCatalog): void {
  mkdirSync(join(dir, 'dramas'), { recursive: true });
  mkdirSync(join(dir, 'people'), { recursive: true });
  for (const drama of catalog.dramas) writeFileSync(join(dir, 'dramas', `${drama.id}.json`), JSON.stringify(drama));
  for (const person of catalog.people) writeFileSync(join(dir, 'people', `${person.id}.json`), JSON.stringify(person));
}
