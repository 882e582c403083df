package org.rhip.person.linkage;

import java.util.HashMap;
import java.util.Map;

/**
 * Character folding for names: full-width to half-width, and traditional or variant (异体) forms of
 * characters common in names to the simplified standard form, so that 陳麗華 and 陈丽华 compare as
 * exact. Characters that are distinct in names (秀/琇, 王/玊, 肖/萧) are left alone: they agree
 * through their pinyin instead.
 */
final class ChineseCharacters {

	/** Pairs: variant, standard. Every pair shares a reading (checked by a test). */
	static final String VARIANT_PAIRS = ""
			// surnames
			+ "劉刘陳陈張张黃黄趙赵吳吴孫孙馬马鄭郑馮冯鄧邓許许韓韩楊杨羅罗謝谢葉叶蘇苏盧卢蔣蒋賈贾閻阎錢钱譚谭鄒邹"
			+ "陸陆顧顾龍龙萬万湯汤喬乔賀贺賴赖龔龚聶聂嚴严鍾钟锺钟鐘钟蕭萧歐欧區区單单呂吕溫温鄔邬閔闵饒饶鄺邝莊庄"
			+ "衛卫齊齐婁娄費费關关龐庞顏颜魯鲁韋韦駱骆習习祿禄闕阙紀纪鮑鲍樓楼於于範范蓋盖繆缪"
			// given-name characters
			+ "偉伟強强軍军濤涛鵬鹏輝辉紅红靜静蘭兰鳳凤東东國国剛刚穎颖頴颖飛飞榮荣貴贵慶庆學学凱凯曉晓軒轩詩诗寧宁"
			+ "陽阳帥帅鴻鸿嵐岚愛爱銘铭瑋玮倫伦韻韵藝艺鈺钰鐵铁鋒锋銀银長长發发寶宝賢贤繼继亞亚進进興兴書书義义順顺"
			+ "嬌娇鳴鸣雙双麗丽婭娅嫻娴瑩莹瓊琼環环遠远達达連连運运億亿樂乐蓮莲華华雲云傑杰誌志豔艳艷艳鷰燕峯峰羣群"
			+ "憶忆靈灵儀仪濱滨漢汉樺桦楓枫語语夢梦潔洁綺绮綠绿錦锦鋼钢勝胜傳传彥彦豐丰韜韬暉晖瑤瑶鶯莺燁烨煒炜維维"
			+ "聰聪賓宾歡欢滿满澤泽瀾澜潤润濟济啟启駿骏騰腾鶴鹤瓏珑貞贞財财勳勋勵励劍剑僑侨兒儿鏡镜錚铮鍵键鎮镇開开"
			+ "闖闯隊队電电頌颂頤颐顥颢風风驊骅鵑鹃齡龄聖圣聲声臨临舉举蕓芸藍蓝蘊蕴誠诚誼谊諾诺謙谦譽誉貝贝賜赐贏赢"
			+ "躍跃農农邊边鄉乡醫医釗钊鈞钧鈴铃銳锐鋭锐錫锡鎧铠門门閣阁隨随頂顶騏骐驥骥鬱郁餘余廣广"
			// 异体字 kept as standard forms in the 2013 table but written both ways in registers
			+ "喆哲堃坤甯宁";

	private static final Map<Character, Character> STANDARD = standardForms();

	private ChineseCharacters() {
	}

	private static Map<Character, Character> standardForms() {
		Map<Character, Character> forms = new HashMap<>();
		for (int i = 0; i < VARIANT_PAIRS.length(); i += 2) {
			forms.put(VARIANT_PAIRS.charAt(i), VARIANT_PAIRS.charAt(i + 1));
		}
		return Map.copyOf(forms);
	}

	/** The standard form of a name character; the character itself when it has none. */
	static char standard(char c) {
		return STANDARD.getOrDefault(c, c);
	}

	/** Full-width ASCII (Ｚｈａｎｇ, ０-９) and the ideographic space to their half-width forms. */
	static char halfWidth(char c) {
		if (c >= '\uFF01' && c <= '\uFF5E') {
			return (char) (c - 0xFEE0);
		}
		return c == '\u3000' ? ' ' : c;
	}

	static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
	}

}
