import type { LocalizationMap } from 'discord.js';
import { GENRES } from '../data/schema.ts';
import { strings, type StringKey } from './strings.ts';
import { GENRE_LABELS } from './tags.ts';

/**
 * Names and descriptions of every command, subcommand and option, in English and Korean: what
 * Discord shows in the command picker. Keys are paths: "drama", "drama.info", "drama.info.title".
 * Korean names follow Discord's rule for names: lowercase, no spaces, at most 32 characters.
 */
const COMMAND_TEXT = {
  ping: {
    ko: '핑',
    en: 'Check that the bot is alive and how fast it answers',
    koDescription: '봇이 살아 있는지, 얼마나 빨리 답하는지 확인해요',
  },
  drama: { ko: '드라마', en: 'Look up Korean dramas', koDescription: '한국 드라마를 찾아봐요' },
  'drama.info': {
    ko: '정보',
    en: 'A drama’s card: cast, episodes, OST and more',
    koDescription: '드라마 정보 카드: 출연진, 회차, OST 등',
  },
  'drama.search': {
    ko: '검색',
    en: 'Find dramas by title, person, genre, year, network or length',
    koDescription: '제목, 인물, 장르, 연도, 방송사, 길이로 드라마를 찾아요',
  },
  'drama.random': { ko: '랜덤', en: 'A random drama to watch', koDescription: '볼 만한 드라마를 무작위로 골라요' },
  'drama.episodes': {
    ko: '회차',
    en: 'A drama’s episodes with air dates and runtimes',
    koDescription: '드라마의 회차별 방영일과 러닝타임',
  },
  title: {
    ko: '제목',
    en: 'Drama title (English or Korean), pick from the list',
    koDescription: '드라마 제목 (영어 또는 한국어), 목록에서 고르세요',
  },
  query: { ko: '검색어', en: 'Title, actor, character… (optional)', koDescription: '제목, 배우, 배역… (선택)' },
  genre: { ko: '장르', en: 'Only this genre', koDescription: '이 장르만' },
  year: { ko: '연도', en: 'Only dramas first aired this year', koDescription: '이 해에 처음 방영한 드라마만' },
  network: { ko: '방송사', en: 'Only this network or platform', koDescription: '이 방송사나 플랫폼만' },
  max_episodes: { ko: '최대회차', en: 'At most this many episodes', koDescription: '이 회차 수 이하만' },
  cast: {
    ko: '인물',
    en: 'An actor’s, director’s, writer’s or singer’s card',
    koDescription: '배우, 감독, 작가, 가수의 정보 카드',
  },
  'cast.name': {
    ko: '이름',
    en: 'Name (English or Korean), pick from the list',
    koDescription: '이름 (영어 또는 한국어), 목록에서 고르세요',
  },
  ost: {
    ko: 'ost',
    en: 'Drama soundtracks: a tracklist, a song or a singer',
    koDescription: '드라마 OST: 전체 곡 목록, 노래, 가수',
  },
  'ost.query': {
    ko: '검색어',
    en: 'Drama, song or singer, pick from the list',
    koDescription: '드라마, 노래 또는 가수, 목록에서 고르세요',
  },
  rate: {
    ko: '평가',
    en: 'Rate a drama for this server (1–10, with an optional review)',
    koDescription: '이 서버에 드라마 평점을 남겨요 (1–10, 리뷰 선택)',
  },
  'rate.title': {
    ko: '제목',
    en: 'The drama to rate, pick from the list',
    koDescription: '평가할 드라마, 목록에서 고르세요',
  },
  score: { ko: '점수', en: 'Your score from 1 to 10', koDescription: '1부터 10까지의 점수' },
  review: { ko: '리뷰', en: 'A short review (up to 300 characters)', koDescription: '짧은 리뷰 (최대 300자)' },
  ratings: {
    ko: '평점',
    en: 'This server’s ratings: the leaderboard, one drama, or your own',
    koDescription: '이 서버의 평점: 순위, 드라마 하나, 또는 내 평점',
  },
  'ratings.title': { ko: '제목', en: 'One drama’s ratings and reviews', koDescription: '드라마 하나의 평점과 리뷰' },
  mine: {
    ko: '내평점',
    en: 'Show only your own ratings (only you see them)',
    koDescription: '내 평점만 보기 (나만 볼 수 있어요)',
  },
  recommend: {
    ko: '추천',
    en: 'Dramas you might like, each with the reason why',
    koDescription: '좋아할 만한 드라마를 이유와 함께 추천해요',
  },
  like: { ko: '좋아한작품', en: 'A drama you liked (optional)', koDescription: '좋아한 드라마 (선택)' },
  'ratings-admin': {
    ko: '평점관리',
    en: 'Manage this server’s ratings (Manage Server)',
    koDescription: '이 서버의 평점 관리 (서버 관리 권한)',
  },
  'ratings-admin.remove': {
    ko: '삭제',
    en: 'Remove one member’s rating or review of a drama',
    koDescription: '멤버 한 명의 평점이나 리뷰를 삭제해요',
  },
  'ratings-admin.reset': {
    ko: '초기화',
    en: 'Delete every rating of one drama in this server',
    koDescription: '이 서버에서 드라마 하나의 평점을 모두 삭제해요',
  },
  'ratings-admin.export': {
    ko: '내보내기',
    en: 'Download this server’s ratings as a JSON file',
    koDescription: '이 서버의 평점을 JSON 파일로 받아요',
  },
  member: { ko: '멤버', en: 'The member', koDescription: '대상 멤버' },
  what: { ko: '대상', en: 'The whole rating, or only the review', koDescription: '평점 전체 또는 리뷰만' },
  watchparty: {
    ko: '같이보기',
    en: 'Watch parties: the server votes on which episode (or drama) to watch',
    koDescription: '같이보기: 서버가 볼 회차(또는 드라마)를 투표로 정해요',
  },
  'watchparty.start': {
    ko: '시작',
    en: 'Start a vote on which episode to watch (or, with several titles, which drama)',
    koDescription: '볼 회차를 정하는 투표를 시작해요 (제목을 여러 개 주면 드라마 투표)',
  },
  'watchparty.start.title': {
    ko: '제목',
    en: 'The drama to watch, pick from the list',
    koDescription: '같이 볼 드라마, 목록에서 고르세요',
  },
  episodes: {
    ko: '회차',
    en: 'Episodes to vote on, like 1-4 or 3,5,6 (default: all)',
    koDescription: '투표할 회차, 예: 1-4 또는 3,5,6 (기본: 전체)',
  },
  question: { ko: '질문', en: 'The question above the poll (optional)', koDescription: '투표 위에 보일 질문 (선택)' },
  duration: {
    ko: '기간',
    en: 'How long voting stays open, like 30m, 2h or 1d (default 24h)',
    koDescription: '투표 기간, 예: 30m, 2h, 1d (기본 24시간)',
  },
  starts_at: {
    ko: '시작시간',
    en: 'When the party starts, with a zone: tomorrow 8pm KST, Saturday 21:00 KST, in 90 minutes',
    koDescription: '같이보기 시작 시간, 시간대 포함: tomorrow 8pm KST, Saturday 21:00 KST, in 90 minutes',
  },
  create_event: {
    ko: '이벤트생성',
    en: 'Create a server event for the winner at starts_at',
    koDescription: '시작 시간에 우승 회차의 서버 이벤트를 만들어요',
  },
  'watchparty.close': {
    ko: '마감',
    en: 'Close a poll now and announce the winner (host or Manage Server)',
    koDescription: '투표를 지금 마감하고 결과를 알려요 (시작한 사람 또는 서버 관리)',
  },
  'watchparty.close.poll': {
    ko: '투표',
    en: 'The poll to close (default: the newest open one in this channel)',
    koDescription: '마감할 투표 (기본: 이 채널의 가장 최근 투표)',
  },
  'watchparty.list': {
    ko: '목록',
    en: 'Open watch-party polls in this server, with links',
    koDescription: '이 서버에서 진행 중인 투표와 링크',
  },
  'watchparty.results': {
    ko: '결과',
    en: 'The result of a closed poll (default: the latest)',
    koDescription: '마감된 투표의 결과 (기본: 가장 최근)',
  },
  'watchparty.results.poll': {
    ko: '투표',
    en: 'A closed poll, pick from the list',
    koDescription: '마감된 투표, 목록에서 고르세요',
  },
  watchlist: {
    ko: '워치리스트',
    en: 'Your own list of dramas: what you watch, how far you got, reminders',
    koDescription: '내 드라마 목록: 보는 드라마, 진도, 방영 알림',
  },
  'watchlist.add': {
    ko: '추가',
    en: 'Add a drama to your watchlist, or change its status',
    koDescription: '워치리스트에 드라마를 추가하거나 상태를 바꿔요',
  },
  status: {
    ko: '상태',
    en: 'Watching, plan to watch, completed, on hold or dropped',
    koDescription: '보는 중, 볼 예정, 다 봄, 잠시 멈춤, 그만 봄',
  },
  episode: { ko: '회차', en: 'The last episode you watched', koDescription: '마지막으로 본 회차' },
  'watchlist.progress': {
    ko: '진도',
    en: 'Say how far you got in a drama on your watchlist',
    koDescription: '워치리스트 드라마를 몇 화까지 봤는지 기록해요',
  },
  'watchlist.show': {
    ko: '보기',
    en: 'Show a watchlist: yours (private unless you post it) or a member’s public one',
    koDescription: '워치리스트 보기: 내 것(비공개) 또는 다른 멤버의 공개 목록',
  },
  'watchlist.show.member': {
    ko: '멤버',
    en: 'Whose watchlist (it must be public)',
    koDescription: '누구의 워치리스트 (공개된 것만)',
  },
  public: {
    ko: '공개',
    en: 'Post it in the channel for everyone to see',
    koDescription: '채널에 모두가 볼 수 있게 올려요',
  },
  'watchlist.remove': {
    ko: '삭제',
    en: 'Remove a drama from your watchlist',
    koDescription: '워치리스트에서 드라마를 빼요',
  },
  'watchlist.privacy': {
    ko: '공개설정',
    en: 'Let other members see your watchlist, or keep it private',
    koDescription: '다른 멤버가 내 워치리스트를 볼 수 있게 하거나 비공개로 해요',
  },
  visibility: { ko: '공개범위', en: 'Public or private', koDescription: '공개 또는 비공개' },
  'watchlist.remind': {
    ko: '알림',
    en: 'A DM on the days your dramas air',
    koDescription: '내 드라마가 방영하는 날 DM 알림',
  },
  'watchlist.remind.on': {
    ko: '켜기',
    en: 'DM me on each day a drama I watch or plan to watch airs',
    koDescription: '보는 중이거나 볼 예정인 드라마가 방영하는 날마다 DM을 보내요',
  },
  'watchlist.remind.off': { ko: '끄기', en: 'Stop the DM reminders', koDescription: 'DM 알림을 꺼요' },
  hour: { ko: '시', en: 'Hour of the day, 0–23 (default 20)', koDescription: '하루 중 몇 시, 0–23 (기본 20)' },
  timezone: {
    ko: '시간대',
    en: 'Time zone: Europe/Berlin, a city, or KST… (default Asia/Seoul)',
    koDescription: '시간대: Europe/Berlin, 도시 이름, KST… (기본 Asia/Seoul)',
  },
  alerts: {
    ko: '방영알림',
    en: 'New-episode alerts for this server: one daily digest',
    koDescription: '이 서버의 새 회차 알림: 하루 한 번 모아서',
  },
  'alerts.channel': { ko: '채널', en: 'Where the daily digest is posted', koDescription: '매일 알림을 올릴 채널' },
  'alerts.channel.channel': {
    ko: '채널',
    en: 'A text channel the bot can post in',
    koDescription: '봇이 글을 올릴 수 있는 채널',
  },
  'alerts.time': {
    ko: '시간',
    en: 'When the daily digest is posted (default 20:00 Asia/Seoul)',
    koDescription: '매일 알림을 올릴 시간 (기본 20:00 Asia/Seoul)',
  },
  'alerts.follow': {
    ko: '팔로우',
    en: 'Follow a drama: its episodes go in the digest',
    koDescription: '드라마를 팔로우해요: 새 회차가 알림에 나와요',
  },
  'alerts.unfollow': { ko: '언팔로우', en: 'Stop following a drama', koDescription: '드라마 팔로우를 그만둬요' },
  'alerts.role': {
    ko: '역할',
    en: 'A role the digest mentions (leave empty to mention nobody)',
    koDescription: '알림에서 멘션할 역할 (비우면 아무도 멘션 안 해요)',
  },
  'alerts.role.role': { ko: '역할', en: 'The role to mention', koDescription: '멘션할 역할' },
  'alerts.list': {
    ko: '목록',
    en: 'The alert setup: channel, time, followed dramas and the next digest',
    koDescription: '알림 설정: 채널, 시간, 팔로우한 드라마, 다음 알림',
  },
} as const satisfies Record<string, { ko: string; en: string; koDescription: string }>;

export type CommandTextKey = keyof typeof COMMAND_TEXT;

interface Describable {
  setName(name: string): unknown;
  setNameLocalizations(map: LocalizationMap): unknown;
  setDescription(description: string): unknown;
  setDescriptionLocalizations(map: LocalizationMap): unknown;
}

/**
 * Names a builder (command, subcommand or option) and gives it both languages. The English name is
 * the last part of the key ("drama.info.title" → "title").
 */
export function named<T extends Describable>(builder: T, key: CommandTextKey): T {
  const text = COMMAND_TEXT[key];
  builder.setName(key.split('.').at(-1)!);
  builder.setNameLocalizations({ ko: text.ko });
  builder.setDescription(text.en);
  builder.setDescriptionLocalizations({ ko: text.koDescription });
  return builder;
}

/**
 * The extra title options of /watchparty start ("title2" … "title10"): with several titles the
 * server votes between dramas. Numbered, so they come from one entry rather than nine.
 */
export function numberedTitle<T extends Describable>(builder: T, n: number): T {
  builder.setName(`title${n}`);
  builder.setNameLocalizations({ ko: `제목${n}` });
  builder.setDescription(`Drama ${n} to vote between (what to watch next)`);
  builder.setDescriptionLocalizations({ ko: `투표할 드라마 ${n} (다음에 볼 작품)` });
  return builder;
}

/** A choice named in both languages from the strings table. */
export function choice(
  value: string,
  key: StringKey,
): { name: string; name_localizations: LocalizationMap; value: string } {
  return { name: strings.en[key], name_localizations: { ko: strings.ko[key] }, value };
}

/** The genre list as command choices, named in both languages. */
export function genreChoices(): Array<{ name: string; name_localizations: LocalizationMap; value: string }> {
  return GENRES.map((genre) => ({
    name: GENRE_LABELS[genre].en,
    name_localizations: { ko: GENRE_LABELS[genre].ko },
    value: genre,
  }));
}
