"""Names as the matcher compares them: one key for the spellings of one name across rosters and extracts.

- NFKC folds full-width letters and digits (ＡＢＣ１２) to half-width and compatibility forms to their base;
- whitespace of any width and the middle dots of transcribed minority names (· • ‧ ・ ･ ∙ ⋅ and the like) are
  dropped, so 阿依古丽·买买提, 阿依古丽•买买提 and 阿依古丽 买买提 meet;
- traditional characters common in names become simplified (陳 → 陈). No converter package (OpenCC) is in the
  shipped environment, so this is a built-in table of the characters of common surnames and given names; a
  character outside it is compared as written (a lead may then be missed, never invented).
- Latin letters are compared case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata

# Pairs traditional→simplified, written as one string of pairs to keep the table readable at a glance.
_PAIRS = (
    "陳陈張张劉刘黃黄趙赵吳吴孫孙馬马許许鄭郑謝谢韓韩馮冯鄧邓蕭萧葉叶蘇苏盧卢蔣蒋賈贾閻阎鍾钟範范譚谭鄒邹陸陆"
    "顧顾龍龙萬万錢钱湯汤喬乔賀贺賴赖龔龚楊杨羅罗韋韦嚴严聶聂歐欧陽阳鄺邝關关華华紀纪齊齐莊庄溫温簡简藍蓝"
    "顏颜饒饶鄔邬衛卫閔闵塗涂達达項项鄢鄢鳳凤黨党單单儲储餘余闞阚鮑鲍詹詹滕滕婁娄費费靳靳蘭兰寧宁彭彭樂乐"
    "偉伟國国東东軍军麗丽紅红強强輝辉傑杰濤涛鵬鹏飛飞剛刚靜静艷艳豔艳嬌娇雲云鳴鸣銘铭興兴榮荣貴贵寶宝長长"
    "義义禮礼賢贤學学儀仪勝胜順顺維维緒绪鋒锋銳锐曉晓瑩莹駿骏瀟潇嘯啸廣广慶庆億亿愛爱親亲夢梦蓮莲鴻鸿濱滨"
    "滿满彥彦峯峰誠诚華华傳传斌斌發发豐丰鵬鹏鑫鑫倫伦維维創创進进運运連连遠远達达選选邊边遼辽錦锦鏡镜鐵铁"
    "銀银鋼钢鑄铸釗钊錫锡鍵键鎮镇門门開开閃闪聞闻闊阔陣阵陰阴隊队際际雙双雞鸡離离難难電电霞霞靈灵韻韵頂顶"
    "順顺頌颂領领頤颐頻频顥颢顯显風风颯飒飄飘馨馨騰腾驊骅驍骁體体髮发鬆松魯鲁鯤鲲鳥鸟鴿鸽鵑鹃鶯莺鶴鹤麥麦"
    "黎黎齡龄龜龟堯尧壽寿夢梦奮奋婦妇嫻娴孫孙寬宽實实審审對对導导層层屬属嶺岭島岛巖岩師师帥帅幣币廬庐彌弥"
    "後后從从復复徵征德德憶忆應应懷怀戰战擁拥據据數数斕斓曆历書书會会來来楓枫榮荣樂乐樺桦橋桥機机權权歡欢"
    "歲岁淵渊湧涌滬沪漢汉潔洁潤润澤泽濃浓灣湾煒炜熱热燁烨爾尔牽牵獻献瑋玮環环璽玺產产畢毕畫画盡尽睿睿碩硕"
    "禎祯禕祎穎颖積积穩稳競竞筆笔節节範范築筑簫箫紀纪純纯紹绍經经綠绿綺绮網网緯纬縣县總总繁繁績绩織织繼继"
    "續续羅罗義义聖圣聰聪肅肃舉举莊庄華华萊莱葦苇蔭荫薈荟藝艺蘊蕴蟲虫衆众裝装襲袭規规視视覺觉詩诗語语誼谊"
    "謙谦證证譽誉讓让豪豪貞贞賓宾賽赛贊赞輕轻農农邁迈郵邮鄉乡醫医釋释鍾钟鐘钟開开陳陈陸陆韜韬頡颉頫頫飈飚買买賣卖樹树權权"
)
_TABLE = {ord(t): s for t, s in zip(_PAIRS[0::2], _PAIRS[1::2], strict=True) if t != s}
# Middle dots of transcribed names (U+00B7, U+2022, U+2027, U+30FB, U+FF65, U+2219, U+22C5, U+16EB, U+2E31,
# U+0387) and hyphen-like joiners some rosters use in their place.
_DROP = re.compile(r"[\s\u00b7\u2022\u2027\u30fb\uff65\u2219\u22c5\u16eb\u2e31\u0387\u2010\u2011\u2012\u2013\u2014\u002d\u200b\u200c\u200d\ufeff]+")


def name_key(name: str) -> str:
    """The form two spellings of one name share: '陳 阿依古丽·买买提' → '陈阿依古丽买买提'."""
    folded = unicodedata.normalize("NFKC", name)
    return _DROP.sub("", folded).translate(_TABLE).casefold()
