/**
 * Every sentence the bot says, in English and Korean. Commands never branch on the locale
 * themselves: they call t(locale, key, vars).
 */
export const strings = {
  en: {
    'error.internal': 'Something went wrong on our side (ref `{ref}`). Nothing was lost; please try again in a moment.',
    'error.adminOnly': 'Only members with the **Manage Server** permission can do this.',
    'error.unknownCommand': 'This command is not available any more. An admin may need to run `npm run deploy` again.',
    'error.staleComponent': 'This button is from an older version of the bot. Run the command again to get a fresh one.',
    'error.guildOnly': 'This command works in a server, not in direct messages.',
    'error.restarting': 'The bot is restarting. Please try again in a few seconds.',
    'ping.reply': 'Pong! Gateway heartbeat {gateway} · round trip {roundTrip} ms',
    'ping.unknown': 'not measured yet',
    'kind.drama': 'drama',
    'kind.song': 'song',
    'kind.actor': 'actor',
    'kind.director': 'director',
    'kind.writer': 'writer',
    'kind.artist': 'singer',
    'kind.group': 'group',
    'via.as': 'as {name}',
    'via.aka': 'aka {name}',
    'via.in': '{name} in {drama}',
    'song.ost': '{drama} OST',
  },
  ko: {
    'error.internal': '처리 중 문제가 생겼어요 (오류 번호 `{ref}`). 잃어버린 것은 없어요. 잠시 후 다시 시도해 주세요.',
    'error.adminOnly': '**서버 관리** 권한이 있는 멤버만 할 수 있어요.',
    'error.unknownCommand': '더 이상 사용할 수 없는 명령어예요. 관리자가 `npm run deploy`를 다시 실행해야 할 수 있어요.',
    'error.staleComponent': '이전 버전의 버튼이에요. 명령어를 다시 실행해 주세요.',
    'error.guildOnly': '이 명령어는 DM이 아닌 서버에서만 쓸 수 있어요.',
    'error.restarting': '봇이 다시 시작하는 중이에요. 몇 초 후에 다시 시도해 주세요.',
    'ping.reply': '퐁! 게이트웨이 하트비트 {gateway} · 왕복 {roundTrip} ms',
    'ping.unknown': '아직 측정 전',
    'kind.drama': '드라마',
    'kind.song': '노래',
    'kind.actor': '배우',
    'kind.director': '감독',
    'kind.writer': '작가',
    'kind.artist': '가수',
    'kind.group': '그룹',
    'via.as': '{name} 역',
    'via.aka': '다른 제목 {name}',
    'via.in': '{drama}의 {name}',
    'song.ost': '{drama} OST',
  },
} as const;

export type StringKey = keyof (typeof strings)['en'];
